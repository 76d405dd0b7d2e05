import { describe, expect, it } from "vitest";
import { WaitKind } from "../protocol/trace";
import { concurrencyGain, sequentialSeconds } from "./savings";
import { TraceBuilder } from "./testing";
import { createTraceStore } from "./traceStore";
import { virtualTime } from "./types";

/** main gathers two tasks that each sleep `seconds`. */
function twoSleepers(seconds: number) {
  const b = new TraceBuilder();
  b.created(1, "main", 0).ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.gather);
  b.created(2, "a", 1).ready(2, 0).created(3, "b", 1).ready(3, 0);
  b.run(2, 0).suspend(2, 0, WaitKind.sleep).run(3, 0).suspend(3, 0, WaitKind.sleep);
  b.ready(2, seconds).run(2, seconds).finish(2, seconds).ready(3, seconds).run(3, seconds).finish(3, seconds);
  b.ready(1, seconds).run(1, seconds).finish(1, seconds);
  const store = createTraceStore();
  const { columns, details } = b.build();
  store.append(columns, details);
  store.finish(virtualTime(seconds));
  return store.lanes();
}

describe("what concurrency saved", () => {
  it("counts each task's sleep once and leaves out waiting on other tasks", () => {
    expect(sequentialSeconds(twoSleepers(3))).toBe(6);
  });

  it("says two 3 s waits took 3 s instead of 6 s", () => {
    expect(concurrencyGain(twoSleepers(3), 3, "done")).toEqual({ sequentialS: 6, factor: 2 });
  });

  it("says nothing when nothing overlapped", () => {
    expect(concurrencyGain(twoSleepers(3), 6, "done")).toBeUndefined();
    expect(concurrencyGain([], 0, "done")).toBeUndefined();
  });

  it("says nothing for a run that did not finish by itself (deadlock, error, stop)", () => {
    expect(concurrencyGain(twoSleepers(3), 3, "not done")).toBeUndefined();
  });
});
