import { describe, expect, it } from "vitest";
import { taskId, virtualTime, type Lane } from "../../model/types";
import { runReportText, taskLine } from "./runReport";

const lane = (id: number, name: string, end: number, extra: Partial<Lane> = {}): Lane => ({
  id: taskId(id),
  kind: "task",
  name,
  coro: "work",
  createdAt: virtualTime(0),
  createdLine: 3,
  segments: [{ state: "running", start: virtualTime(0), end: virtualTime(end), startStep: 0, endStep: 1 }],
  finalState: "done",
  ...extra,
});

const INPUT = {
  title: "Taskline run",
  summary: "Ran 2 s of virtual time · 2 tasks · 5 steps",
  treeHeading: "Await tree at t = 1.0 s",
  tree: "└── main  waiting on sleep (line 4)",
  tasksHeading: "Tasks",
  stateName: (s: string) => s,
  moreTasks: (n: number) => `…and ${n} more`,
} as const;

describe("the run as text", () => {
  it("has the summary, the await tree and one line per task", () => {
    const text = runReportText({ ...INPUT, lanes: [lane(1, "main", 2, { end: { k: "end", result: "42" } }), lane(2, "bad", 1, { finalState: "failed", end: { k: "end", excType: "ValueError", excMessage: "boom" } })] });
    expect(text.split("\n")).toEqual([
      "Taskline run",
      "============",
      "",
      "Ran 2 s of virtual time · 2 tasks · 5 steps",
      "",
      "Await tree at t = 1.0 s",
      "-----------------------",
      "└── main  waiting on sleep (line 4)",
      "",
      "Tasks",
      "-----",
      "main  done  t = 0.0 s → t = 2.0 s  = 42",
      "bad  failed  t = 0.0 s → t = 1.0 s  ValueError: boom",
      "",
    ]);
  });

  it("says a task that has not ended is pending, with only its start", () => {
    expect(taskLine(lane(1, "w", 1, { finalState: "pending" }), (s) => s.toUpperCase())).toBe("w  PENDING  t = 0.0 s");
  });

  it("marks thread lanes and cuts huge results", () => {
    const line = taskLine(lane(1, "t", 1, { kind: "thread", end: { k: "end", result: "x".repeat(5000) } }), (s) => s);
    expect(line.startsWith("t (thread)  done")).toBe(true);
    expect(line.length).toBeLessThan(300);
  });

  it("lists at most maxTasks tasks and counts the rest", () => {
    const lanes = Array.from({ length: 5 }, (_, i) => lane(i + 1, `t${i}`, 1));
    const text = runReportText({ ...INPUT, lanes, maxTasks: 2 });
    expect(text).toContain("t1  done");
    expect(text).not.toContain("t2  done");
    expect(text).toContain("…and 3 more");
  });
});
