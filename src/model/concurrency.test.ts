import { describe, expect, it } from "vitest";
import { concurrencyBins } from "./concurrency";
import { threeTasksTrace } from "./testing";
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
