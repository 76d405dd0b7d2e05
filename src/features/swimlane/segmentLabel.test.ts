import { describe, expect, it } from "vitest";
import { WaitKind } from "../../protocol/trace";
import { cutShortAfter, fitLabel, segmentLabel, segmentLabelChoices } from "./segmentLabel";
import { tooltipText } from "./tooltipText";
import { swimlaneWords } from "./words";

const en = swimlaneWords("en");

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

describe("segmentLabel of a sleep cut short and in Chinese", () => {
  const sleep10CutAt1 = { state: "waiting", start: 1, end: 2, waitKind: WaitKind.sleep, sleepFor: 10 };

  it("names the length the sleep asked for, not how long it lasted", () => {
    expect(segmentLabelChoices(sleep10CutAt1, nameOf)).toEqual(["sleep 10 s", "sleep"]);
    // Where it is known to have ended, it says it was cut short when there is room; still asleep, or
    // not known (the SVG export), it claims nothing.
    expect(segmentLabelChoices({ ...sleep10CutAt1, live: false }, nameOf, en)).toEqual(["sleep 10 s (cancelled after 1 s)", "sleep 10 s", "sleep"]);
    expect(segmentLabelChoices({ ...sleep10CutAt1, live: true }, nameOf, en)).toEqual(["sleep 10 s", "sleep"]);
    expect(segmentLabelChoices(sleep10CutAt1, nameOf, en)).toEqual(["sleep 10 s", "sleep"]);
    expect(cutShortAfter(sleep10CutAt1)).toBe(1);
    // A sleep that ran its course (give or take the realistic clock's µs) is not "cut short".
    expect(cutShortAfter({ ...sleep10CutAt1, end: 11 - 2e-5 })).toBeUndefined();
    expect(cutShortAfter({ ...sleep10CutAt1, sleepFor: undefined })).toBeUndefined();
  });

  it("says in the tooltip that it was cancelled, unless the lane still sleeps", () => {
    const span = { ...sleep10CutAt1, startStep: 3, endStep: 4 };
    expect(tooltipText({ name: "Task-2" }, span, nameOf, en).split("\n")[1]).toBe("waiting: sleep 10 s (cancelled after 1 s)");
    expect(tooltipText({ name: "Task-2" }, { ...span, live: true }, nameOf, en).split("\n")[1]).toBe("waiting: sleep 10 s");
    expect(tooltipText({ name: "Task-2" }, span, nameOf, swimlaneWords("zh-CN")).split("\n")[1]).toBe("等待中: sleep 10 s（1 s 后被取消）");
  });

  it("paints the UI's own words in the page's language and Python's as written", () => {
    const zh = swimlaneWords("zh-CN");
    expect(segmentLabel({ state: "blocked", start: 0, end: 1 }, nameOf, zh)).toBe("阻塞");
    expect(segmentLabel(waiting(WaitKind.unknown), nameOf, zh)).toBe("等待中");
    expect(segmentLabel(waiting(WaitKind.sleep), nameOf, zh)).toBe("sleep 1 s");
    expect(segmentLabel({ state: "blocked", start: 0, end: 1 }, nameOf, en)).toBe("blocking");
  });
});

describe("fitLabel", () => {
  // A monospace stand-in for canvas measureText: 6 px per character.
  const measure = (text: string) => text.length * 6;
  const sleep500 = segmentLabelChoices({ state: "waiting", start: 0, end: 0.5, waitKind: WaitKind.sleep }, nameOf);

  it("drops whole words as room shrinks: 'sleep 500 ms', then 'sleep', then nothing", () => {
    expect(sleep500).toEqual(["sleep 500 ms", "sleep"]);
    expect(fitLabel(sleep500, 72, measure)).toBe("sleep 500 ms");
    expect(fitLabel(sleep500, 71, measure)).toBe("sleep");
    expect(fitLabel(sleep500, 30, measure)).toBe("sleep");
    expect(fitLabel(sleep500, 29, measure)).toBe("");
  });

  it("never returns a cut word, number or unit at any width", () => {
    const spans = [
      { state: "waiting", start: 0, end: 0.5, waitKind: WaitKind.sleep },
      { state: "waiting", start: 0, end: 90, waitKind: WaitKind.sleep },
      { state: "waiting", start: 0, end: 1, waitKind: WaitKind.task, target: 3 },
      { state: "waiting", start: 0, end: 1, waitKind: WaitKind.semaphore },
      { state: "blocked", start: 0, end: 1 },
    ];
    for (const span of spans) {
      const choices = segmentLabelChoices(span, nameOf);
      for (let room = 0; room < 120; room++) {
        const label = fitLabel(choices, room, measure);
        expect(label === "" || choices.includes(label)).toBe(true);
        expect(measure(label)).toBeLessThanOrEqual(room);
      }
    }
  });

  it("keeps the awaited task's name when 'await' no longer fits", () => {
    const choices = segmentLabelChoices({ state: "waiting", start: 0, end: 1, waitKind: WaitKind.task, target: 3 }, nameOf);
    expect(fitLabel(choices, 30, measure)).toBe("");
    expect(fitLabel(choices, 71, measure)).toBe("Task-3");
    expect(fitLabel(choices, 40, measure)).toBe("Task-3");
    expect(fitLabel(choices, 80, measure)).toBe("await Task-3");
  });
});

describe("tooltipText", () => {
  it("lists task, state, start, duration, steps, wait kind and line", () => {
    const text = tooltipText(
      { name: "Task-2", coro: "worker", createdLine: 9 },
      { state: "waiting", start: 0, end: 1, startStep: 2, endStep: 5, waitKind: WaitKind.task, target: 3, line: 6 },
      nameOf,
      en,
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

  it("names a blocking span once, not 'blocking the loop: blocking'", () => {
    const text = tooltipText({ name: "event loop" }, { state: "blocked", start: 0, end: 1, startStep: 4, endStep: 5 }, nameOf, en);
    expect(text.split("\n")[1]).toBe("blocking the loop");
  });

  it("describes a loop span without a coroutine", () => {
    const text = tooltipText({ name: "event loop" }, { state: "idle", start: 1, end: 1.5, startStep: 4, endStep: 4 }, nameOf, en);
    expect(text.split("\n")).toEqual(["event loop", "loop idle", "start t = 1.0 s, duration 500 ms", "at step 4"]);
  });

  it("says when a rect stands for many merged segments", () => {
    const text = tooltipText({ name: "Task-9" }, { state: "running", start: 0, end: 0.001, startStep: 1, endStep: 2 }, nameOf, en, 40);
    expect(text.split("\n")[1]).toBe("40 segments too small to draw apart (zoom in); the longest:");
  });
});

describe("tooltipText in Chinese", () => {
  it("translates the UI's words and keeps Python's (await, task names, line numbers as written)", () => {
    const text = tooltipText(
      { name: "Task-2", coro: "worker", createdLine: 1234 },
      { state: "waiting", start: 0, end: 1, startStep: 2, endStep: 5, waitKind: WaitKind.task, target: 3, line: 6 },
      nameOf,
      swimlaneWords("zh-CN"),
    );
    expect(text.split("\n")).toEqual([
      "Task-2 (worker)",
      "等待中: await Task-3",
      "开始 t = 0.0 s，持续 1 s",
      "第 2–5 步（共 3 步）",
      "等待：task Task-3",
      "暂停在第 6 行",
      "创建于第 1234 行",
    ]);
  });
});
