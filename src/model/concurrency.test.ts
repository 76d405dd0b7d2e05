import { describe, expect, it } from "vitest";
import { concurrencyBins, concurrencyInView, liveConcurrency, resampleLive, spread } from "./concurrency";
import { threeTasksTrace, TraceBuilder } from "./testing";
import { createTraceStore } from "./traceStore";

describe("concurrencyBins", () => {
  const store = createTraceStore();
  const { columns, details } = threeTasksTrace();
  store.append(columns, details);

  it("counts tasks waiting per bin of virtual time", () => {
    // 0–1 s: main, worker, boom and slow all sleep; 1–1.5 s: main and slow still wait.
    const bins = concurrencyBins(store.lanes(), "time", 0, 1.5, 3);
    expect(Array.from(bins.waiting)).toEqual([4, 4, 2]);
    expect(Array.from(bins.running)).toEqual([0, 0, 0]);
    expect(bins.peak).toBe(4);
  });

  it("averages partial coverage and counts running steps on the steps axis", () => {
    const bins = concurrencyBins(store.lanes(), "steps", 0, store.stepCount, store.stepCount);
    // One task runs in every step.
    expect(Array.from(bins.running).every((v) => v === 1)).toBe(true);
    const half = concurrencyBins(store.lanes(), "time", 0, 3, 2);
    expect(half.waiting[0]).toBeCloseTo((4 * 1 + 2 * 0.5) / 1.5);
    expect(half.waiting[1]).toBe(0);
  });
});

describe("liveConcurrency", () => {
  it("agrees with binning the finished lanes, on both axes", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    const live = liveConcurrency(store, "time");
    // 1.5 s at 1 ms per bin: the first second has 4 waiting tasks, the last half second 2.
    expect(live.binWidth).toBe(1e-3);
    expect(live.waiting[10]! / live.binWidth).toBeCloseTo(4);
    expect(live.waiting[1200]! / live.binWidth).toBeCloseTo(2);
    const total = (arr: Float32Array) => arr.reduce((a, b) => a + b, 0);
    const oracle = concurrencyBins(store.lanes(), "time", 0, 1.5, 1);
    expect(total(live.waiting)).toBeCloseTo(oracle.waiting[0]! * 1.5);
    const steps = liveConcurrency(store, "steps");
    const stepOracle = concurrencyBins(store.lanes(), "steps", 0, store.stepCount, 1);
    expect(total(steps.running)).toBeCloseTo(stepOracle.running[0]! * store.stepCount);
    expect(steps.current).toEqual([0, 0, 0]);
  });

  it("coarsens its bins as a live run grows, keeping the totals", () => {
    const store = createTraceStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).suspend(1, 0);
    let batch = b.build();
    store.append(batch.columns, batch.details);
    expect(liveConcurrency(store, "time").current).toEqual([0, 0, 1]);
    b.ready(1, 10).run(1, 10).finish(1, 10);
    batch = b.build();
    store.append(batch.columns, batch.details);
    const live = liveConcurrency(store, "time");
    expect(live.binWidth).toBeGreaterThanOrEqual(10 / 2048);
    expect(live.waiting.reduce((a, c) => a + c, 0)).toBeCloseTo(10);
    expect(live.until).toBe(10);
  });
});

describe("spread", () => {
  it("terminates and keeps the total when a start lies on a bin edge that floating point misses", () => {
    const bins = new Float64Array(16);
    // 0.003 / 0.001 is 2.9999999999999996: the start is on an edge that floor() puts one bin early.
    spread(bins, 0.001, 0.003, 0.0065, 2);
    expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(2 * 0.0035, 12);
    expect(bins[3]).toBeCloseTo(0.002, 12);
    expect(bins[6]).toBeCloseTo(0.001, 12);
  });
});

describe("concurrencyInView", () => {
  const store = createTraceStore();
  const { columns, details } = threeTasksTrace();
  store.append(columns, details);
  const live = liveConcurrency(store, "time");

  it("shows only the zoomed range: the last half second has two tasks waiting in every column", () => {
    const zoomed = concurrencyInView(live, store, "time", store.endTime, 1, 1.5, 100);
    expect(zoomed.from).toBe(1);
    expect(zoomed.to).toBe(1.5);
    for (const v of zoomed.waiting) expect(v).toBeCloseTo(2);
    expect(zoomed.peak).toBeCloseTo(2);
    // The whole run, in the same number of columns: the first two thirds have four waiting.
    const whole = concurrencyInView(live, store, "time", store.endTime, 0, 1.5, 3);
    expect(Array.from(whole.waiting).map((v) => Math.round(v * 1000) / 1000)).toEqual([4, 4, 2]);
  });

  it("bins the segments in view exactly when zoomed deeper than the live bins, and falls back when over budget", () => {
    // 1 ms live bins; 10 columns over 2 ms is 0.2 ms a column: finer than the live data.
    const exact = concurrencyInView(live, store, "time", store.endTime, 0.999, 1.001, 10);
    expect(exact).toEqual(concurrencyBins(store.lanes(), "time", 0.999, 1.001, 10));
    const coarse = concurrencyInView(live, store, "time", store.endTime, 0.999, 1.001, 10, 0);
    expect(coarse).toEqual(resampleLive(live, store.endTime, 0.999, 1.001, 10));
  });

  it("bins a stored lane's segments in range (decoded from where the range starts) as it bins the whole lane's", () => {
    const decoded = store.lanes().map((lane) => ({ ...lane, segments: [...lane.segments], segmentsIn: undefined }));
    for (const [from, to] of [[0, 1.5], [0.5, 1.2], [0.999, 1.001], [1.2, 3]] as const) {
      expect(concurrencyBins(store.lanes(), "time", from, to, 7)).toEqual(concurrencyBins(decoded, "time", from, to, 7));
      expect(concurrencyBins(store.lanes(), "steps", from * 4, to * 4, 5)).toEqual(concurrencyBins(decoded, "steps", from * 4, to * 4, 5));
    }
  });

  it("counts nothing after the end of the trace and holds the current counts after the accumulated part", () => {
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).suspend(1, 0);
    const s = createTraceStore();
    const batch = b.build();
    s.append(batch.columns, batch.details);
    const l = liveConcurrency(s, "time");
    // One task waiting since 0, nothing accumulated yet: up to end = 1 it counts, after it nothing.
    const bins = resampleLive(l, 1, 0, 2, 2);
    expect(Array.from(bins.waiting)).toEqual([1, 0]);
  });
});

describe("concurrencyBins with a budget", () => {
  it("visits only the segments overlapping the range and gives up past the budget", () => {
    const store = createTraceStore();
    const { columns, details } = threeTasksTrace();
    store.append(columns, details);
    expect(concurrencyBins(store.lanes(), "time", 1.2, 1.5, 3, 1)).toBeUndefined();
    const late = concurrencyBins(store.lanes(), "time", 1.2, 1.5, 3, 100)!;
    expect(Array.from(late.waiting).map((v) => Math.round(v * 1000) / 1000)).toEqual([2, 2, 2]);
  });
});
