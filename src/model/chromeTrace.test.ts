import { describe, expect, it } from "vitest";
import { toChromeTrace, type ChromeTraceEvent } from "./chromeTrace";
import { threeTasksTrace } from "./testing";
import { createTraceStore } from "./traceStore";

function exported() {
  const store = createTraceStore();
  const { columns, details } = threeTasksTrace();
  store.append(columns, details);
  const json = JSON.stringify(toChromeTrace(store.lanes(), store.consoleLines()));
  return { store, trace: JSON.parse(json) as { traceEvents: ChromeTraceEvent[]; displayTimeUnit: string } };
}

describe("toChromeTrace", () => {
  it("round-trips through JSON with a display unit", () => {
    const { trace } = exported();
    expect(trace.displayTimeUnit).toBe("ms");
    expect(Array.isArray(trace.traceEvents)).toBe(true);
  });

  it("names one track per task, in creation order", () => {
    const { trace, store } = exported();
    const names = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name");
    expect(names.map((e) => [e.tid, e.args?.name])).toEqual(store.lanes().map((l) => [l.id, l.name]));
    const order = trace.traceEvents.filter((e) => e.name === "thread_sort_index").map((e) => e.args?.sort_index);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("emits one complete event per state interval, in microseconds", () => {
    const { trace, store } = exported();
    const worker = store.lanes().find((l) => l.name === "Task-2")!;
    const events = trace.traceEvents.filter((e) => e.ph === "X" && e.tid === worker.id);
    expect(events.map((e) => e.name)).toEqual(["running", "waiting", "running"]);
    const waiting = events[1]!;
    expect(waiting).toMatchObject({ ts: 0, dur: 1_000_000, args: { waitKind: "sleep", line: 6, sleepFor: 1 } });
    const main = trace.traceEvents.filter((e) => e.ph === "X" && e.tid === 1);
    expect(main.find((e) => e.args?.waitKind === "task")?.args?.target).toBe("Task-4");
  });

  it("marks each ended task with an instant named after its outcome at its end", () => {
    const { trace } = exported();
    const ends = trace.traceEvents.filter((e) => e.ph === "i" && e.name !== "print");
    expect(ends.map((e) => [e.tid, e.name, e.ts, e.s])).toEqual([
      [1, "done", 1_500_000, "t"],
      [2, "done", 1_000_000, "t"],
      [3, "failed", 1_000_000, "t"],
      [4, "cancelled", 1_500_000, "t"],
    ]);
    expect(ends[2]?.args).toEqual({ exception: "ValueError", message: "boom" });
  });

  it("adds printed lines as instants on the printing task's track", () => {
    const { trace } = exported();
    const prints = trace.traceEvents.filter((e) => e.name === "print");
    expect(prints.map((e) => [e.tid, e.ts, e.args?.text])).toEqual([
      [2, 0, "worker start"],
      [2, 1_000_000, "worker end"],
    ]);
  });
});
