import { describe, expect, it } from "vitest";
import { Outcome, RowKind, WaitKind, WakerKind } from "../protocol/trace";
import { threeTasksTrace, TraceBuilder } from "./testing";
import { traceRelations } from "./relations";
import { createTraceStore } from "./traceStore";

const pairs = (store: ReturnType<typeof createTraceStore>, kind: string) =>
  traceRelations(store)
    .relations.filter((r) => r.kind === kind)
    .map((r) => [r.from, r.to]);

describe("traceRelations", () => {
  it("draws creation from parent to child, and not the child's first ready as a wake-up", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    expect(pairs(store, "create")).toEqual([
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    expect(pairs(store, "wake")).toEqual([[4, 1]]);
  });

  it("draws await from the waiter to the awaited task, and cancellation from who asked", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    const awaits = traceRelations(store).relations.filter((r) => r.kind === "await");
    expect(awaits.map((r) => [r.from, r.to, r.t, r.waitKind])).toEqual([[1, 4, 1.5, WaitKind.task]]);
    expect(pairs(store, "cancel")).toEqual([[1, 4]]);
  });

  it("fans a gather out to the waiter's live children and wakes it from the last one done", () => {
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0);
    b.created(2, "Task-2", 1).ready(2, 0).created(3, "Task-3", 1).ready(3, 0);
    b.created(4, "early", 1).ready(4, 0);
    b.suspend(1, 0, WaitKind.sleep);
    b.run(4, 0).finish(4, 0);
    b.ready(1, 0, WakerKind.timer).run(1, 0).suspend(1, 0, WaitKind.gather);
    b.run(2, 0).suspend(2, 0).run(3, 0).suspend(3, 0);
    b.ready(2, 3, WakerKind.timer).ready(3, 3, WakerKind.timer);
    b.run(2, 3).finish(2, 3).run(3, 3).finish(3, 3);
    b.ready(1, 3, WakerKind.done, 3).run(1, 3).finish(1, 3);
    const store = createTraceStore();
    const batch = b.build();
    store.append(batch.columns, batch.details);
    const awaits = traceRelations(store).relations.filter((r) => r.kind === "await");
    expect(awaits.map((r) => [r.from, r.to, r.waitKind])).toEqual([
      [1, 2, WaitKind.gather],
      [1, 3, WaitKind.gather],
    ]);
    expect(pairs(store, "wake")).toEqual([[3, 1]]);
  });

  it("folds new batches in incrementally and records the step of each fact", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).created(2, "child", 1).ready(2, 0);
    let batch = b.build();
    store.append(batch.columns, batch.details);
    const first = traceRelations(store);
    expect(first.relations).toHaveLength(1);
    expect(first.relations[0]).toMatchObject({ kind: "create", step: 1, t: 0 });
    b.suspend(1, 0, WaitKind.task, 2).run(2, 0.5).cancel(1, 0.5, 2, "stop").finish(2, 0.5);
    batch = b.build();
    store.append(batch.columns, batch.details);
    const second = traceRelations(store);
    expect(second.relations.map((r) => [r.kind, r.step])).toEqual([
      ["create", 1],
      ["await", 1],
      ["cancel", 2],
    ]);
    expect(traceRelations(store)).toBe(second);
  });

  it("marks output once per lane and step, skipping bare newlines, and marks warnings", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).print(1, 0, "hello").output(1, 0, "again").suspend(1, 0);
    b.run(1, 2).print(1, 2, "bye").finish(1, 2, Outcome.done);
    const batch = b.build();
    store.append(batch.columns, batch.details);
    // A warning row points at its detail by index: the next one after this batch's.
    const warning = new TraceBuilder(batch.details.length).row(RowKind.warning, 1, batch.details.length, 0, 2).build();
    store.append(warning.columns, [{ k: "warning", code: "never-awaited", message: "coroutine was never awaited", line: 3 }]);
    const marks = traceRelations(store).marks;
    expect(marks.filter((m) => m.kind === "warning").map((m) => [m.task, m.text])).toEqual([[1, "coroutine was never awaited"]]);
    expect(marks.filter((m) => m.kind === "output").map((m) => [m.task, m.t, m.text])).toEqual([
      [1, 0, "hello"],
      [1, 2, "bye"],
    ]);
  });
});
