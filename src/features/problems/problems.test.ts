import { describe, expect, it } from "vitest";
import { createTraceStore } from "../../model/traceStore";
import { TraceBuilder } from "../../model/testing";
import { problemsOf } from "./problems";

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
});
