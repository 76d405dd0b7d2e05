import { describe, expect, it } from "vitest";
import { createTraceStore } from "../../model/traceStore";
import { TraceBuilder } from "../../model/testing";
import { problemsOf, shownProblemsOf } from "./problems";

describe("the problems list", () => {
  it("lists every warning with its kind, task name and line, in the order found", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "Task-1").ready(1, 0).run(1, 0).warning(1, 0, "blocking-call", "time.sleep blocks", 5);
    b.warning(0, 1, "never-awaited", "coroutine 'f' was never awaited", 9);
    const batch = b.build();
    store.append(batch.columns, batch.details);
    expect(problemsOf(store).map((p) => [p.code, p.taskName, p.line, p.task])).toEqual([
      ["blocking-call", "Task-1", 5, 1],
      ["never-awaited", "", 9, 0],
    ]);
  });

  it("folds only new rows and keeps the same array while nothing new was found", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "A").warning(1, 0, "await-cycle", "A → B → A", 3);
    let batch = b.build();
    store.append(batch.columns, batch.details);
    const first = problemsOf(store);
    batch = b.run(1, 1).build();
    store.append(batch.columns, batch.details);
    expect(problemsOf(store)).toBe(first);
    batch = b.warning(1, 2, "deadlock", "A waits for B", 4).build();
    store.append(batch.columns, batch.details);
    expect(problemsOf(store).map((p) => p.code)).toEqual(["await-cycle", "deadlock"]);
  });

  it("lists a deadlocked cycle once, by the head of its chain, without repeating it as await cycles", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "Task-1").created(2, "alice", 1).created(3, "bob", 1).created(4, "Task-4", 1);
    const cycle = "alice → bob → alice, so none of them can ever finish";
    b.warning(4, 0, "never-awaited", "coroutine 'f' was never awaited", 3);
    // The worker gives each cycle's lane ids (in the order around the cycle); the words are only for people.
    b.warning(1, 1, "deadlock", `Deadlock: Task-1 waits for gather(alice, bob); alice waits for the Lock held by bob, which waits for the Lock held by alice — an await cycle: ${cycle}.`, 17, [2, 3]);
    b.warning(2, 1, "deadlock", `Deadlock: alice waits for the Lock held by bob, which waits for the Lock held by alice — an await cycle: ${cycle}.`, 11, [2, 3]);
    b.warning(3, 1, "deadlock", "Deadlock: bob waits for the Lock held by alice, which waits for the Lock held by bob — an await cycle: bob → alice → bob, so none of them can ever finish.", 11, [3, 2]);
    b.warning(4, 1, "deadlock", "Deadlock: Task-4 waits for an Event nobody sets.", 20);
    b.warning(2, 1, "await-cycle", `Await cycle: ${cycle}.`, 11, [2, 3]);
    b.warning(3, 1, "await-cycle", `Await cycle: ${cycle}.`, 11, [2, 3]);
    const batch = b.build();
    store.append(batch.columns, batch.details);
    expect(problemsOf(store)).toHaveLength(7);
    expect(shownProblemsOf(store).map((p) => [p.code, p.taskName, p.line])).toEqual([
      ["never-awaited", "Task-4", 3],
      ["deadlock", "Task-1", 17],
      ["deadlock", "Task-4", 20],
    ]);
    expect(shownProblemsOf(store)[1]!.message).toContain("Task-1 waits for gather(alice, bob); alice waits");
    expect(shownProblemsOf(store)).toBe(shownProblemsOf(store));
  });

  it("keeps await cycles that no deadlock names, and chains without a cycle one per task", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "A").created(2, "B").created(3, "C");
    b.warning(1, 0, "await-cycle", "Await cycle: A → B → A, so none of them can ever finish.", 3, [1, 2]);
    b.warning(2, 0, "await-cycle", "Await cycle: A → B → A, so none of them can ever finish.", 5, [1, 2]);
    b.warning(3, 1, "deadlock", "Deadlock: C waits for the Lock held by A, which ended without releasing it.", 7);
    const batch = b.build();
    store.append(batch.columns, batch.details);
    expect(shownProblemsOf(store).map((p) => [p.code, p.taskName])).toEqual([
      ["await-cycle", "A"],
      ["await-cycle", "B"],
      ["deadlock", "C"],
    ]);
  });

  it("collapses by the cycle's lane ids, not its words: a task renamed like another changes nothing", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    // Two tasks share a name; only ids tell the members of the cycle apart.
    b.created(1, "twin").created(2, "twin").created(3, "other");
    b.warning(1, 1, "deadlock", "Deadlock: twin waits for twin — an await cycle: twin → twin → twin, so none of them can ever finish.", 4, [1, 3]);
    b.warning(3, 1, "deadlock", "Deadlock: other … — an await cycle: other → twin → other, so none of them can ever finish.", 6, [3, 1]);
    b.warning(2, 1, "deadlock", "Deadlock: twin waits for the Lock held by twin — an await cycle: twin → twin → twin, so none of them can ever finish.", 8, [1, 3]);
    const batch = b.build();
    store.append(batch.columns, batch.details);
    // Task 2 only leads into the cycle of 1 and 3: it keeps its entry; 3 repeats 1's cycle.
    expect(shownProblemsOf(store).map((p) => [p.task, p.line])).toEqual([
      [1, 4],
      [2, 8],
    ]);
  });
});
