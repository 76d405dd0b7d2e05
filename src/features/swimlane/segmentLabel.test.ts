import { describe, expect, it } from "vitest";
import { WaitKind } from "../../protocol/trace";
import { segmentLabel } from "./segmentLabel";
import { tooltipText } from "./tooltipText";

const names = new Map([[3, "Task-3"]]);
const nameOf = (id: number) => names.get(id);
const waiting = (waitKind: WaitKind, target?: number) => ({ state: "waiting", start: 1, end: 2, waitKind, ...(target !== undefined && { target }) });

describe("segmentLabel", () => {
  it("says what a waiting task waits on", () => {
    expect(segmentLabel(waiting(WaitKind.sleep), nameOf)).toBe("sleep 1 s");
    expect(segmentLabel(waiting(WaitKind.task, 3), nameOf)).toBe("await Task-3");
    expect(segmentLabel(waiting(WaitKind.task, 9), nameOf)).toBe("await task");
    expect(segmentLabel(waiting(WaitKind.semaphore), nameOf)).toBe("Semaphore");
    expect(segmentLabel(waiting(WaitKind.queue), nameOf)).toBe("Queue");
    expect(segmentLabel(waiting(WaitKind.unknown), nameOf)).toBe("waiting");
  });

  it("labels blocking and leaves the other states to their colour", () => {
    expect(segmentLabel({ state: "blocked", start: 0, end: 1 }, nameOf)).toBe("blocking");
    expect(segmentLabel({ state: "running", start: 0, end: 1 }, nameOf)).toBe("");
    expect(segmentLabel({ state: "done", start: 1, end: 1 }, nameOf)).toBe("");
  });
});

describe("tooltipText", () => {
  it("lists task, state, start, duration, steps, wait kind and line", () => {
    const text = tooltipText(
      { name: "Task-2", coro: "worker", createdLine: 9 },
      { state: "waiting", start: 0, end: 1, startStep: 2, endStep: 5, waitKind: WaitKind.task, target: 3, line: 6 },
      nameOf,
    );
    expect(text.split("\n")).toEqual([
      "Task-2 (worker)",
      "waiting: await Task-3",
      "start t = 0.0 s, duration 1 s",
      "steps 2–5 (3)",
      "waits on: task Task-3",
      "paused at line 6",
      "created at line 9",
    ]);
  });

  it("describes a loop span without a coroutine", () => {
    const text = tooltipText({ name: "event loop" }, { state: "idle", start: 1, end: 1.5, startStep: 4, endStep: 4 }, nameOf);
    expect(text.split("\n")).toEqual(["event loop", "idle", "start t = 1.0 s, duration 500 ms", "at step 4"]);
  });

  it("says when a rect stands for many merged segments", () => {
    const text = tooltipText({ name: "Task-9" }, { state: "running", start: 0, end: 0.001, startStep: 1, endStep: 2 }, nameOf, 40);
    expect(text.split("\n")[1]).toBe("40 segments too small to draw apart (zoom in); the longest:");
  });
});
