/**
 * How many tasks were running, ready and waiting over a run, averaged per bin: what the swimlane's
 * concurrency strip draws. One pass over the segments with a difference array, so the cost is
 * O(segments + bins) however long the segments are (a million segments take a few milliseconds).
 */
import type { Lane } from "./types";

export interface ConcurrencyBins {
  /** The binned range, in axis units (virtual seconds or steps). */
  readonly from: number;
  readonly to: number;
  /** Per bin: average number of tasks in that state over the bin (running includes blocking). */
  readonly running: Float64Array;
  readonly ready: Float64Array;
  readonly waiting: Float64Array;
  /** The largest running + ready + waiting of any bin. */
  readonly peak: number;
}

type Category = "running" | "ready" | "waiting";

const CATEGORY: Readonly<Record<string, Category | undefined>> = {
  running: "running",
  blocked: "running",
  ready: "ready",
  waiting: "waiting",
};

/** Bins [from, to) into `bins` equal bins, on the time axis (seconds) or the steps axis. */
export function concurrencyBins(lanes: readonly Lane[], axis: "time" | "steps", from: number, to: number, bins: number): ConcurrencyBins {
  const n = Math.max(1, Math.floor(bins));
  const width = to > from ? (to - from) / n : 1;
  const cover = { running: new Float64Array(n), ready: new Float64Array(n), waiting: new Float64Array(n) };
  const full = { running: new Float64Array(n + 1), ready: new Float64Array(n + 1), waiting: new Float64Array(n + 1) };
  for (const lane of lanes) {
    if (lane.kind !== "task") continue;
    for (const s of lane.segments) {
      const category = CATEGORY[s.state];
      if (category === undefined) continue;
      const a = axis === "time" ? s.start : s.startStep;
      const b = axis === "time" ? s.end : s.endStep;
      let fa = (a - from) / width;
      let fb = (b - from) / width;
      if (fa < 0) fa = 0;
      if (fb > n) fb = n;
      if (!(fb > fa)) continue;
      const ia = Math.floor(fa);
      const ib = Math.floor(fb);
      const part = cover[category];
      if (ia === ib) {
        part[ia] = part[ia]! + (fb - fa);
        continue;
      }
      part[ia] = part[ia]! + (ia + 1 - fa);
      const diff = full[category];
      diff[ia + 1] = diff[ia + 1]! + 1;
      diff[ib] = diff[ib]! - 1;
      if (ib < n) part[ib] = part[ib]! + (fb - ib);
    }
  }
  let peak = 0;
  for (const category of ["running", "ready", "waiting"] as const) {
    const part = cover[category];
    const diff = full[category];
    let run = 0;
    for (let i = 0; i < n; i++) {
      run += diff[i]!;
      part[i] = part[i]! + run;
    }
  }
  for (let i = 0; i < n; i++) peak = Math.max(peak, cover.running[i]! + cover.ready[i]! + cover.waiting[i]!);
  return { from, to, ...cover, peak };
}
