import { describe, expect, it } from "vitest";
import { WaitKind } from "../../protocol/trace";
import { createTraceStore } from "../../model/traceStore";
import { TraceBuilder } from "../../model/testing";
import { generatorStories } from "./handoffs";

describe("generator handoffs", () => {
  it("lists the values passed each way with the yield line where the generator paused", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    // As generators.py writes a plain script's hand-overs: the main program waits while the generator runs.
    b.created(2, "Generator-1 (averager)", 0, { lane: "generator" });
    b.created(1, "main program", 0, { lane: "generator", coro: "<module>" });
    b.suspend(1, 0, WaitKind.task, 2, 10).handoff(2, 0, "next()", "in").run(2, 0).handoff(2, 0, "yielded None", "out").suspend(2, 0, WaitKind.yield, 0, 6).run(1, 0);
    b.suspend(1, 0, WaitKind.task, 2, 12).handoff(2, 0, "send(10)", "in").run(2, 0).handoff(2, 0, "yielded 10.0", "out").suspend(2, 0, WaitKind.yield, 0, 6).run(1, 0);
    b.suspend(1, 0, WaitKind.task, 2, 13).handoff(2, 0, "close() → GeneratorExit", "in").run(2, 0).handoff(2, 0, "closed", "out");
    const batch = b.build();
    store.append(batch.columns, batch.details);
    const stories = generatorStories(store);
    expect(stories.map((s) => s.name)).toEqual(["Generator-1 (averager)"]);
    expect(stories[0]!.handoffs.map((h) => [h.dir, h.text, h.line])).toEqual([
      ["in", "next()", 0],
      ["out", "yielded None", 6],
      ["in", "send(10)", 0],
      ["out", "yielded 10.0", 6],
      ["in", "close() → GeneratorExit", 0],
      ["out", "closed", 0],
    ]);
    // The generator lane is a lane of its own kind, drawn with its yield pauses as waiting segments.
    const lane = store.lanes().find((l) => l.name === "Generator-1 (averager)")!;
    expect(lane.kind).toBe("generator");
    expect(lane.segments.filter((s) => s.state === "waiting").map((s) => [s.waitKind, s.line])).toEqual([
      [WaitKind.yield, 6],
      [WaitKind.yield, 6],
    ]);
  });

  it("has no stories for a run without generators, and keeps its array while nothing changes", () => {
    const store = createTraceStore();
    const batch = new TraceBuilder().created(1, "Task-1").run(1, 0).build();
    store.append(batch.columns, batch.details);
    const first = generatorStories(store);
    expect(first).toEqual([]);
    const more = new TraceBuilder(batch.details.length).run(1, 1).build();
    store.append(more.columns, more.details);
    expect(generatorStories(store)).toBe(first);
  });
});
