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

  describe("exception propagation", () => {
    const relationsOf = (b: TraceBuilder) => {
      const store = createTraceStore();
      const batch = b.build();
      store.append(batch.columns, batch.details);
      return traceRelations(store).relations.filter((r) => r.kind === "exception").map((r) => [r.from, r.to, r.t]);
    };
    const failed = { excType: "ValueError", excMessage: "bad" };

    it("points from a failed task to the task that awaited it, although the wake-up is recorded before the failure", () => {
      // As the worker records `t = create_task(boom()); await t` (boom raises after 1 s).
      const b = new TraceBuilder();
      b.created(1, "main").ready(1, 0).run(1, 0).created(2, "boom", 1).ready(2, 0);
      b.suspend(1, 0, WaitKind.task, 2).run(2, 0).suspend(2, 0, WaitKind.sleep);
      b.ready(2, 1, WakerKind.timer).run(2, 1).ready(1, 1, WakerKind.done, 2).finish(2, 1, Outcome.failed, failed);
      b.run(1, 1).finish(1, 1);
      expect(relationsOf(b)).toEqual([[2, 1, 1]]);
    });

    it("follows a chain of awaits and a failed thread lane", () => {
      const b = new TraceBuilder();
      b.created(1, "main").ready(1, 0).run(1, 0).created(2, "b", 1).ready(2, 0).suspend(1, 0, WaitKind.task, 2);
      b.run(2, 0).created(3, "c", 2).ready(3, 0).suspend(2, 0, WaitKind.task, 3);
      b.run(3, 0).thread(4, "Thread-1 (f)", 3, 0).run(4, 0).finish(4, 0, Outcome.failed, failed).suspend(3, 0, WaitKind.thread, 4);
      b.ready(3, 0, WakerKind.thread, 4).run(3, 0).ready(2, 0, WakerKind.done, 3).finish(3, 0, Outcome.failed, failed);
      b.run(2, 0).ready(1, 0, WakerKind.done, 2).finish(2, 0, Outcome.failed, failed);
      b.run(1, 0).finish(1, 0, Outcome.failed, failed);
      expect(relationsOf(b).map(([from, to]) => [from, to])).toEqual([
        [4, 3],
        [3, 2],
        [2, 1],
      ]);
    });

    it("reaches a gather's waiter woken by the failed member, not one woken by a member that succeeded", () => {
      const gather = (lastOk: boolean) => {
        const b = new TraceBuilder();
        b.created(1, "main").ready(1, 0).run(1, 0).created(2, "ok", 1).ready(2, 0).created(3, "boom", 1).ready(3, 0);
        b.suspend(1, 0, WaitKind.gather).run(2, 0).suspend(2, 0).run(3, 0).suspend(3, 0);
        b.ready(3, 1, WakerKind.timer).run(3, 1).finish(3, 1, Outcome.failed, failed);
        // Without return_exceptions the failure wakes main at once; with it, main wakes when ok ends.
        if (lastOk) b.ready(2, 2, WakerKind.timer).run(2, 2).finish(2, 2).ready(1, 2, WakerKind.done, 2);
        else b.ready(1, 1, WakerKind.done, 3);
        b.run(1, 2).finish(1, 2);
        return relationsOf(b);
      };
      expect(gather(false)).toEqual([[3, 1, 1]]);
      expect(gather(true)).toEqual([]);
    });

    it("draws a TaskGroup's cancellations of the siblings and of its body from the failed child", () => {
      // As recorded for `async with TaskGroup() as tg: tg.create_task(ok()); tg.create_task(boom())`.
      const b = new TraceBuilder();
      b.created(1, "main").ready(1, 0).run(1, 0).created(2, "ok", 1).ready(2, 0).created(3, "boom", 1).ready(3, 0);
      b.suspend(1, 0, WaitKind.taskGroup).run(2, 0).suspend(2, 0).run(3, 0).suspend(3, 0);
      b.ready(3, 1, WakerKind.timer).run(3, 1).finish(3, 1, Outcome.failed, failed);
      b.row(RowKind.callback, 0, 0, 0, 1).cancel(2, 1).ready(2, 1, WakerKind.cancel).cancel(1, 1).ready(1, 1, WakerKind.cancel);
      b.run(2, 1).finish(2, 1, Outcome.cancelled).run(1, 1).suspend(1, 1, WaitKind.taskGroup);
      b.ready(1, 1, WakerKind.done, 2).run(1, 1).finish(1, 1);
      expect(relationsOf(b)).toEqual([
        [3, 2, 1],
        [3, 1, 1],
      ]);
    });

    it("does not blame a failure for the cancellations asyncio.run makes at shutdown", () => {
      const b = new TraceBuilder();
      b.created(1, "main").ready(1, 0).run(1, 0).created(2, "bg", 1).ready(2, 0).suspend(1, 0);
      b.run(2, 0).suspend(2, 0).ready(1, 1, WakerKind.timer).run(1, 1).finish(1, 1, Outcome.failed, failed);
      b.loopEnd(1).cancel(2, 1).ready(2, 1, WakerKind.cancel).run(2, 1).finish(2, 1, Outcome.cancelled);
      expect(relationsOf(b)).toEqual([]);
    });

    it("leaves asyncio.wait alone: it returns failed tasks instead of raising", () => {
      const b = new TraceBuilder();
      b.created(1, "main").ready(1, 0).run(1, 0).created(2, "boom", 1).ready(2, 0).suspend(1, 0, WaitKind.wait);
      b.run(2, 0).finish(2, 0, Outcome.failed, failed).ready(1, 0, WakerKind.done, 2).run(1, 0).finish(1, 0);
      expect(relationsOf(b)).toEqual([]);
    });
  });
});
