import { describe, expect, it } from "vitest";
import { TraceBuilder } from "../../model/testing";
import { createTraceStore } from "../../model/traceStore";
import { virtualTime } from "../../model/types";
import { WaitKind } from "../../protocol/trace";
import { GUTTER_SLOTS, marksToDraw, taskMarksAt, type TaskMark } from "./taskMarks";

function counters() {
  const b = new TraceBuilder();
  b.created(1, "Task-1", 0).ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.gather, 0, 9);
  for (const id of [2, 3, 4]) b.created(id, `Task-${id}`, 1).ready(id, 0);
  for (const id of [2, 3, 4]) b.run(id, 0).suspend(id, 0.1, WaitKind.sleep, 0, 5);
  for (const id of [2, 3, 4]) b.ready(id, 1).run(id, 1).finish(id, 1.1);
  b.ready(1, 1.1).run(1, 1.1).finish(1, 1.2);
  const store = createTraceStore();
  const { columns, details } = b.build();
  store.append(columns, details);
  store.finish(virtualTime(1.2));
  return store.lanes();
}

describe("task marks in the editor", () => {
  it("marks every waiting task on the line where it is paused", () => {
    const marks = taskMarksAt(counters(), 0.5);
    expect(marks.map((m) => [m.task, m.line, m.state])).toEqual([
      ["Task-1", 9, "waiting"],
      ["Task-2", 5, "waiting"],
      ["Task-3", 5, "waiting"],
      ["Task-4", 5, "waiting"],
    ]);
  });

  it("marks a running task at the line it runs to, and drops tasks that ended", () => {
    const marks = taskMarksAt(counters(), 0.05);
    expect(marks.find((m) => m.task === "Task-2")).toMatchObject({ line: 5, state: "running" });
    // At 1.15 the counters have ended and main runs to its end with no pause line left.
    expect(taskMarksAt(counters(), 1.15)).toEqual([]);
  });

  it("finds the same marks lane range by lane range (a pass in slices) as in one go", () => {
    const lanes = counters();
    for (const at of [0.05, 0.5]) {
      const sliced = [...taskMarksAt(lanes, at, 0, 1), ...taskMarksAt(lanes, at, 1, 3), ...taskMarksAt(lanes, at, 3, lanes.length)];
      expect(sliced).toEqual(taskMarksAt(lanes, at));
    }
    expect(taskMarksAt(lanes, 0.5, 1, 3).map((m) => m.task)).toEqual(["Task-2", "Task-3"]);
  });

  it("gives each task a stable colour", () => {
    const [a, b] = [taskMarksAt(counters(), 0.5), taskMarksAt(counters(), 0.6)];
    expect(a.map((m) => m.colour)).toEqual(b.map((m) => m.colour));
    expect(new Set(a.map((m) => m.colour)).size).toBe(4);
  });

  it("draws at most the gutter's slots per line, and the selected task's mark wherever it is", () => {
    const mark = (task: number, line: number): TaskMark => ({ line, task: `Task-${task}`, state: "waiting", colour: task % 8 });
    const many = [...Array.from({ length: 10_000 }, (_, i) => mark(i + 2, 5)), mark(1, 9)];
    const drawn = marksToDraw(many, "Task-5000");
    expect(drawn.filter((m) => m.line === 5).map((m) => m.task)).toEqual([...Array.from({ length: GUTTER_SLOTS }, (_, i) => `Task-${i + 2}`), "Task-5000"]);
    expect(drawn.filter((m) => m.line === 9)).toHaveLength(1);
    expect(marksToDraw(many.slice(0, 2), undefined)).toEqual(many.slice(0, 2));
  });
});
