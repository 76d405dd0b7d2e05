import { describe, expect, it } from "vitest";
import { createTraceStore, loopActivity } from "../../model/traceStore";
import { threeTasksTrace } from "../../model/testing";
import { baseScale, END_MARK_PX, fullDomain, hitTest, layoutLanes, visibleRows, type Span } from "./geometry";

const span = (state: Span["state"], start: number, end: number, startStep: number, endStep: number): Span => ({
  state,
  start,
  end,
  startStep,
  endStep,
});

/** 100 px per unit, starting at 0. */
const toPx = (v: number) => v * 100;

describe("fullDomain", () => {
  it("fits the whole run with a small margin", () => {
    const [a, b] = fullDomain("time", 10, 4);
    expect(a).toBeLessThan(0);
    expect(a).toBeGreaterThan(-1);
    expect(b).toBeGreaterThan(10);
    expect(b).toBeLessThan(11);
  });

  it("shows 0 to 1 s for a run where no time passes", () => {
    const [a, b] = fullDomain("time", 0, 12);
    expect(a).toBeCloseTo(-0.02);
    expect(b).toBeCloseTo(1.02);
  });

  it("spans the steps on the steps axis", () => {
    const [, b] = fullDomain("steps", 0, 12);
    expect(b).toBeCloseTo(12.24);
  });

  it("maps the domain onto the given pixel range", () => {
    const scale = baseScale("time", 1, 0, 1000, 160);
    expect(scale.range()).toEqual([160, 1160]);
    expect(scale(0)).toBeGreaterThan(160);
    expect(scale(1)).toBeLessThan(1160);
  });
});

describe("layoutLanes", () => {
  const rows = [[span("idle", 0, 3, 0, 2)], [span("running", 0, 1, 0, 1), span("waiting", 1, 3, 1, 2)]];

  it("places segments by virtual time on the time axis, one row per lane", () => {
    const rects = layoutLanes(rows, toPx, { axis: "time", rowPx: 24, widthPx: 1000 });
    expect(rects).toEqual([
      { row: 0, index: 0, state: "idle", x: 0, y: 2, width: 300, height: 20 },
      { row: 1, index: 0, state: "running", x: 0, y: 26, width: 100, height: 20 },
      { row: 1, index: 1, state: "waiting", x: 100, y: 26, width: 200, height: 20 },
    ]);
  });

  it("places segments by step index on the steps axis", () => {
    const rects = layoutLanes(rows, toPx, { axis: "steps", rowPx: 24, widthPx: 1000 });
    expect(rects.map((r) => [r.x, r.width])).toEqual([
      [0, 200],
      [0, 100],
      [100, 100],
    ]);
  });

  it("draws zero-length segments 1 px wide and a lane's end as a visible mark", () => {
    const rects = layoutLanes([[span("ready", 1, 1, 0, 0), span("done", 1, 1, 0, 0)]], toPx, {
      axis: "time",
      rowPx: 24,
      widthPx: 1000,
    });
    expect(rects.map((r) => r.width)).toEqual([1, END_MARK_PX]);
  });

  it("leaves out segments outside the view and clamps those crossing it", () => {
    const rects = layoutLanes([[span("running", 0, 1, 0, 0), span("waiting", 1, 50, 0, 0), span("done", 60, 60, 0, 0)]], toPx, {
      axis: "time",
      rowPx: 24,
      widthPx: 500,
    });
    expect(rects.map((r) => [r.state, r.x, r.x + r.width])).toEqual([
      ["running", 0, 100],
      ["waiting", 100, 501],
    ]);
  });

  it("lays out only the requested rows, shifted by the scroll offset", () => {
    const many = Array.from({ length: 100 }, () => [span("running", 0, 1, 0, 1)]);
    const rects = layoutLanes(many, toPx, { axis: "time", rowPx: 10, widthPx: 500, firstRow: 50, lastRow: 52, offsetYPx: 500 });
    expect(rects.map((r) => [r.row, r.y])).toEqual([
      [50, 2],
      [51, 12],
      [52, 22],
    ]);
  });

  it("lays out a whole derived trace: a loop row and one row per lane", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    const rows = [loopActivity(store), ...store.lanes().map((l) => l.segments)];
    const scale = baseScale("time", store.endTime, store.stepCount, 800);
    const rects = layoutLanes(rows, scale, { axis: "time", rowPx: 24, widthPx: 800 });
    expect(new Set(rects.map((r) => r.row))).toEqual(new Set([0, 1, 2, 3, 4]));
    const sleep = rects.find((r) => r.row === 2 && r.state === "waiting")!;
    expect(sleep.width).toBeGreaterThan(400); // 1 s of a 1.5 s run on 800 px
  });
});

describe("visibleRows", () => {
  it("covers the rows intersecting the viewport", () => {
    expect(visibleRows(100, 24, 0, 100)).toEqual([0, 5]);
    expect(visibleRows(100, 24, 240, 48)).toEqual([10, 12]);
    expect(visibleRows(3, 24, 0, 1000)).toEqual([0, 2]);
  });
});

describe("hitTest", () => {
  const rects = layoutLanes([[span("idle", 0, 3, 0, 3)], [span("running", 0, 1, 0, 1), span("waiting", 1, 3, 1, 3), span("done", 3, 3, 3, 3)]], toPx, {
    axis: "time",
    rowPx: 24,
    widthPx: 1000,
  });

  it("finds the segment under the point", () => {
    expect(hitTest(rects, 50, 30)).toMatchObject({ row: 1, index: 0, state: "running" });
    expect(hitTest(rects, 150, 30)).toMatchObject({ row: 1, index: 1, state: "waiting" });
    expect(hitTest(rects, 150, 10)).toMatchObject({ row: 0, state: "idle" });
  });

  it("prefers the rect painted last where rects overlap", () => {
    expect(hitTest(rects, 301, 30)).toMatchObject({ state: "done" });
  });

  it("forgives a few pixels next to a thin rect, but not a gap between rows or empty space", () => {
    expect(hitTest(rects, 305, 30)).toMatchObject({ state: "done" });
    expect(hitTest(rects, 400, 30)).toBeUndefined();
    expect(hitTest(rects, 50, 24)).toBeUndefined();
    expect(hitTest(rects, 50, 500)).toBeUndefined();
  });
});
