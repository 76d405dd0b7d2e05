import { describe, expect, it } from "vitest";
import { WaitKind } from "../protocol/trace";
import { awaitChainAt, timeByState } from "./inspect";
import { TraceBuilder } from "./testing";
import { createTraceStore } from "./traceStore";
import { virtualTime } from "./types";

function lanes() {
  const b = new TraceBuilder();
  b.created(1, "main", 0).ready(1, 0).run(1, 0).suspend(1, 0.5, WaitKind.task, 2, 9);
  b.created(2, "child", 1).ready(2, 0.5).run(2, 0.5).suspend(2, 0.5, WaitKind.sleep, 0, 4);
  b.ready(2, 2).run(2, 2).finish(2, 2);
  b.ready(1, 2).run(1, 2).finish(1, 2.25);
  const store = createTraceStore();
  const { columns, details } = b.build();
  store.append(columns, details);
  store.finish(virtualTime(2.25));
  return store.lanes();
}

describe("the inspector's facts", () => {
  it("adds up where a task's time went", () => {
    const main = lanes()[0]!;
    expect(timeByState(main)).toEqual([
      { label: "running", seconds: 0.75 },
      { label: "waiting on task", seconds: 1.5 },
    ]);
  });

  it("follows the await chain from a task at a moment", () => {
    const all = lanes();
    expect(awaitChainAt(all, all[0]!, 1)).toEqual(["main: await child (line 9)", "child: waiting on sleep (line 4)"]);
  });
});
