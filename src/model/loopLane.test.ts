import { describe, expect, it } from "vitest";
import { WaitKind } from "../protocol/trace";
import { loopLane } from "./loopLane";
import { threeTasksTrace, TraceBuilder } from "./testing";
import { createTraceStore, loopActivity, type TraceStore } from "./traceStore";

const storeOf = (...builders: TraceBuilder[]): TraceStore => {
  const store = createTraceStore();
  for (const b of builders) {
    const { columns, details } = b.build();
    store.append(columns, details);
  }
  return store;
};
const plain = (spans: ReturnType<typeof loopLane>) => spans.map((s) => ({ ...s }));

describe("loopLane", () => {
  it("matches loopActivity: running, blocked, idle", () => {
    const b = new TraceBuilder().created(1, "a").run(1, 0).suspend(1, 0.5).run(1, 1).blockStart(1, 1, 3).blockEnd(1, 2).suspend(1, 2).loopEnd(3);
    const store = storeOf(b);
    expect(plain(loopLane(store))).toEqual(plain(loopActivity(store)));
    expect(loopLane(store).map((s) => s.state)).toEqual(["running", "idle", "blocked", "idle"]);
  });

  it("matches loopActivity when thread lanes run and zero-time steps follow each other", () => {
    const b = new TraceBuilder().created(1, "a").created(2, "b").thread(3, "t", 1, 0).run(1, 0).suspend(1, 0).run(2, 0).suspend(2, 0);
    b.run(3, 0).blockStart(3, 0).blockEnd(3, 5).finish(3, 5);
    const store = storeOf(b);
    expect(plain(loopLane(store))).toEqual(plain(loopActivity(store)));
  });

  it("matches loopActivity on the three-task scenario, and after every batch of a streamed run", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    expect(plain(loopLane(store))).toEqual(plain(loopActivity(store)));

    const live = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0);
    const batches = [b.build()];
    b.suspend(1, 0.25, WaitKind.sleep).created(2, "w", 1, { t: 0.25 }).ready(2, 0.25);
    batches.push(b.build());
    b.run(2, 0.5).blockStart(2, 0.5).blockEnd(2, 0.75);
    batches.push(b.build());
    b.suspend(2, 0.75).ready(1, 1).run(1, 1).finish(1, 1.5);
    batches.push(b.build());
    for (const batch of batches) {
      live.append(batch.columns, batch.details);
      expect(plain(loopLane(live))).toEqual(plain(loopActivity(live)));
    }
    live.finish(live.endTime);
    expect(plain(loopLane(live))).toEqual(plain(loopActivity(live)));
  });

  it("is one idle span for an empty trace", () => {
    expect(plain(loopLane(createTraceStore()))).toEqual([{ state: "idle", start: 0, end: 0, startStep: 0, endStep: 0 }]);
  });
});
