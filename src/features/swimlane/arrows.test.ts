import { describe, expect, it } from "vitest";
import type { LaneMark, Relation } from "../../model/relations";
import { taskId, virtualTime, type TaskId } from "../../model/types";
import { hitMark, layoutArrows, layoutMarks, type ArrowLayoutOptions } from "./arrows";

const rel = (kind: Relation["kind"], from: number, to: number, t: number, step = 0): Relation => ({
  kind,
  from: taskId(from),
  to: taskId(to),
  t: virtualTime(t),
  step,
});

const rows = new Map<number, number>([
  [1, 1],
  [2, 2],
  [3, 3],
  [4, 3], // collapsed into 3
]);
const options: ArrowLayoutOptions = {
  axis: "time",
  rowPx: 20,
  widthPx: 500,
  firstRow: 0,
  lastRow: 10,
  offsetYPx: 0,
  rowOf: (id: TaskId) => rows.get(id),
  max: 100,
};
const toPx = (v: number) => v * 100;

describe("layoutArrows", () => {
  const relations = [rel("create", 1, 2, 0), rel("await", 1, 3, 1, 4), rel("wake", 3, 1, 9), rel("create", 3, 4, 2), rel("cancel", 1, 99, 1)];

  it("draws only the enabled kinds, from the source row's centre to the target row's", () => {
    expect(layoutArrows(relations, new Set(["create"]), toPx, options)).toEqual([{ kind: "create", x: 0, y0: 30, y1: 50 }]);
    expect(layoutArrows(relations, new Set(["create", "await"]), toPx, options).map((a) => a.kind)).toEqual(["create", "await"]);
    expect(layoutArrows(relations, new Set(), toPx, options)).toEqual([]);
  });

  it("leaves out arrows outside the view, with an end on a hidden row, inside a collapsed group, or to unknown lanes", () => {
    const all = layoutArrows(relations, new Set(["create", "await", "wake", "cancel"]), toPx, options);
    expect(all.map((a) => [a.kind, a.x])).toEqual([
      ["create", 0],
      ["await", 100],
    ]);
    expect(layoutArrows(relations, new Set(["create"]), toPx, { ...options, firstRow: 2, lastRow: 9 })).toEqual([]);
  });

  it("draws repeats of one arrow once", () => {
    const repeats = [rel("create", 1, 2, 0), rel("create", 1, 2, 0.001), rel("create", 1, 3, 0)];
    expect(layoutArrows(repeats, new Set(["create"]), toPx, options)).toHaveLength(2);
  });

  it("places arrows by step on the steps axis and stops at the cap", () => {
    const steps = layoutArrows(relations, new Set(["await"]), toPx, { ...options, axis: "steps" });
    expect(steps[0]!.x).toBe(400);
    const many = Array.from({ length: 50 }, (_, i) => rel("create", 1, 2, i / 100));
    expect(layoutArrows(many, new Set(["create"]), toPx, { ...options, max: 7 })).toHaveLength(7);
  });
});

describe("layoutMarks", () => {
  const mark = (task: number, t: number, kind: LaneMark["kind"] = "output"): LaneMark => ({ kind, task: taskId(task), t: virtualTime(t), step: 0, text: "x" });

  it("puts a tick at the top of the lane's row, dropping ticks closer than 2 px", () => {
    const ticks = layoutMarks([mark(2, 1), mark(2, 1.001), mark(2, 2), mark(0, 0, "warning")], toPx, options);
    expect(ticks.map((t) => [t.kind, t.x, t.y, t.index])).toEqual([
      ["output", 100, 40, 0],
      ["output", 200, 40, 2],
      ["warning", 0, 0, 3],
    ]);
    expect(hitMark(ticks, 201, 42, 20)).toMatchObject({ index: 2 });
    expect(hitMark(ticks, 150, 42, 20)).toBeUndefined();
  });
});
