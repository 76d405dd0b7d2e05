/**
 * How many tasks were running, ready and waiting over a run, averaged per bin: what the swimlane's
 * concurrency strip draws. `concurrencyBins` bins given lanes in one pass over their segments
 * (O(segments + bins)); `liveConcurrency` folds the trace rows incrementally into bins that
 * coarsen as the run grows, so a live million-step run costs O(new rows) per batch;
 * `concurrencyInView` answers for the swimlane's zoomed view: from the live bins when they are
 * fine enough for the view, else exactly from the segments in view (within a work budget).
 */
import { RowKind, type Detail } from "../protocol/trace";
import type { TraceStore } from "./traceStore";
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

/** Index of the first segment that ends after `from` (segments are contiguous, so ends never decrease). */
function firstEndingAfter(segments: Lane["segments"], axis: "time" | "steps", from: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = segments[mid]!;
    if ((axis === "time" ? s.end : s.endStep) <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bins [from, to) into `bins` equal bins, on the time axis (seconds) or the steps axis. Only the
 * segments that overlap [from, to) are visited; past `maxSegments` of them it gives up and returns
 * undefined (the caller falls back to coarser data instead of stalling a frame).
 */
export function concurrencyBins(lanes: readonly Lane[], axis: "time" | "steps", from: number, to: number, bins: number): ConcurrencyBins;
export function concurrencyBins(lanes: readonly Lane[], axis: "time" | "steps", from: number, to: number, bins: number, maxSegments: number): ConcurrencyBins | undefined;
export function concurrencyBins(lanes: readonly Lane[], axis: "time" | "steps", from: number, to: number, bins: number, maxSegments = Infinity): ConcurrencyBins | undefined {
  const n = Math.max(1, Math.floor(bins));
  const width = to > from ? (to - from) / n : 1;
  const cover = { running: new Float64Array(n), ready: new Float64Array(n), waiting: new Float64Array(n) };
  const full = { running: new Float64Array(n + 1), ready: new Float64Array(n + 1), waiting: new Float64Array(n + 1) };
  let visited = 0;
  for (const lane of lanes) {
    if (lane.kind !== "task") continue;
    const segments = lane.segmentsIn?.(from, to, axis) ?? lane.segments;
    for (let k = firstEndingAfter(segments, axis, from); k < segments.length; k++) {
      const s = segments[k]!;
      const a = axis === "time" ? s.start : s.startStep;
      if (a >= to) break;
      if (++visited > maxSegments) return undefined;
      const category = CATEGORY[s.state];
      if (category === undefined) continue;
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

/**
 * Most bins the live accumulator keeps; the run fills between half and all of them. They start
 * at {@link FIRST_BINS} and double before they coarsen, so a short run holds few (issue #8 byte
 * budget); f32 is plenty for a chart's averages.
 */
const LIVE_BINS = 2048;
const FIRST_BINS = 64;

const CAT_NONE = 0;
const CAT_RUNNING = 1;
const CAT_READY = 2;
const CAT_WAITING = 3;

/** Running, ready and waiting over a growing run, folded from the rows as they arrive. */
export interface LiveConcurrency {
  /** Width of one bin, in axis units; bin i covers [i·binWidth, (i+1)·binWidth). */
  readonly binWidth: number;
  /** Per bin: tasks × axis units spent in each state (divide by binWidth for the average). */
  readonly running: Float32Array;
  readonly ready: Float32Array;
  readonly waiting: Float32Array;
  /** The accumulated part ends here; after it, `current` holds until the trace's end. */
  readonly until: number;
  /** Tasks running / ready / waiting right now. */
  readonly current: readonly [number, number, number];
}

interface Accumulator {
  binWidth: number;
  running: Float32Array;
  ready: Float32Array;
  waiting: Float32Array;
  until: number;
  counts: [number, number, number];
}

interface LiveDerivation {
  steps: number;
  /** Per task id: its current category. */
  category: Uint8Array;
  readonly threads: Set<number>;
  readonly time: Accumulator;
  readonly step: Accumulator;
}

const newAccumulator = (binWidth: number): Accumulator => ({
  binWidth,
  running: new Float32Array(FIRST_BINS),
  ready: new Float32Array(FIRST_BINS),
  waiting: new Float32Array(FIRST_BINS),
  until: 0,
  counts: [0, 0, 0],
});

/** Halves the resolution: bin pairs merge, so twice the range fits. */
function coarsen(a: Accumulator): void {
  for (const arr of [a.running, a.ready, a.waiting]) {
    const half = arr.length / 2;
    for (let i = 0; i < half; i++) arr[i] = arr[2 * i]! + arr[2 * i + 1]!;
    arr.fill(0, half);
  }
  a.binWidth *= 2;
}

/** Doubles the number of bins (same width), up to {@link LIVE_BINS}. */
function grow(a: Accumulator): void {
  const more = (arr: Float32Array) => {
    const next = new Float32Array(arr.length * 2);
    next.set(arr);
    return next;
  };
  a.running = more(a.running);
  a.ready = more(a.ready);
  a.waiting = more(a.waiting);
}

/**
 * Adds `count` tasks over [from, to) to `arr`, bin by bin. The bin index advances every turn
 * (floating point can put `from` a hair below a bin edge it is equal to), so it always ends.
 */
export function spread(arr: Float32Array | Float64Array, binWidth: number, from: number, to: number, count: number): void {
  let bin = Math.max(0, Math.floor(from / binWidth));
  let at = from;
  while (at < to && bin < arr.length) {
    const binEnd = Math.min(to, (bin + 1) * binWidth);
    if (binEnd > at) {
      arr[bin] = arr[bin]! + count * (binEnd - at);
      at = binEnd;
    }
    bin++;
  }
}

/** Moves the accumulator's clock to `to`, integrating the current counts. */
function advance(a: Accumulator, to: number): void {
  if (!(to > a.until)) return;
  while (to > a.binWidth * a.running.length) {
    if (a.running.length < LIVE_BINS) grow(a);
    else coarsen(a);
  }
  const [r, q, w] = a.counts;
  if (r > 0) spread(a.running, a.binWidth, a.until, to, r);
  if (q > 0) spread(a.ready, a.binWidth, a.until, to, q);
  if (w > 0) spread(a.waiting, a.binWidth, a.until, to, w);
  a.until = to;
}

function move(a: Accumulator, from: number, to: number): void {
  if (from !== CAT_NONE) a.counts[from - 1] = a.counts[from - 1]! - 1;
  if (to !== CAT_NONE) a.counts[to - 1] = a.counts[to - 1]! + 1;
}

const ROW_CATEGORY: Readonly<Record<number, number>> = {
  [RowKind.ready]: CAT_READY,
  [RowKind.run]: CAT_RUNNING,
  [RowKind.suspend]: CAT_WAITING,
  [RowKind.blockStart]: CAT_RUNNING,
  [RowKind.blockEnd]: CAT_RUNNING,
  [RowKind.finish]: CAT_NONE,
};

/**
 * Concurrency over the run so far on one axis, folded incrementally from the rows (task lanes
 * only) as they arrive (the store owns a {@link LiveConcurrencyFold}): O(1) here.
 */
export function liveConcurrency(store: TraceStore, axis: "time" | "steps"): LiveConcurrency {
  return store.concurrency.view(axis);
}

/** Folds rows, in order, into the live bins: O(1 + bins crossed) per row. */
export class LiveConcurrencyFold {
  private readonly d: LiveDerivation = { steps: 0, category: new Uint8Array(1024), threads: new Set(), time: newAccumulator(1e-3), step: newAccumulator(1) };

  constructor(private readonly detailOf: (index: number) => Detail | undefined) {}

  /** Heap bytes held (bins and per-task categories). */
  byteSize(): number {
    const { time, step } = this.d;
    return this.d.category.byteLength + 3 * (time.running.byteLength + step.running.byteLength) + 40 * this.d.threads.size;
  }

  view(axis: "time" | "steps"): LiveConcurrency {
    const a = axis === "time" ? this.d.time : this.d.step;
    return { binWidth: a.binWidth, running: a.running, ready: a.ready, waiting: a.waiting, until: a.until, current: a.counts };
  }

  fold(kind: number, task: number, x: number, t: number): void {
    const state = this.d;
    const step = state.steps;
    if (kind === RowKind.run) state.steps++;
    if (kind === RowKind.created) {
      const detail = this.detailOf(x);
      if (detail?.k === "lane" && detail.lane !== "task") state.threads.add(task); // threads and generators are not tasks
      return;
    }
    const next = ROW_CATEGORY[kind];
    if (next === undefined || task <= 0 || state.threads.has(task)) return;
    if (task >= state.category.length) {
      const grown = new Uint8Array(Math.max(task + 1, state.category.length * 2));
      grown.set(state.category);
      state.category = grown;
    }
    const prev = state.category[task]!;
    if (prev === next) return;
    // Rows come in time order for task lanes; a stray earlier t is counted at the current time.
    advance(state.time, t);
    advance(state.step, step);
    move(state.time, prev, next);
    move(state.step, prev, next);
    state.category[task] = next;
  }
}

/**
 * The live bins averaged over `columns` equal columns of [from, to): the area under each state's
 * count (bins assumed uniform inside; after `until`, the current counts hold up to `end`, and
 * nothing is counted past `end`) divided by the column's width.
 */
export function resampleLive(live: LiveConcurrency, end: number, from: number, to: number, columns: number): ConcurrencyBins {
  const n = Math.max(1, Math.floor(columns));
  const width = to > from ? (to - from) / n : 1;
  const bw = live.binWidth;
  const used = Math.min(live.running.length, Math.max(0, Math.ceil(live.until / bw)));
  const out = { running: new Float64Array(n), ready: new Float64Array(n), waiting: new Float64Array(n) };
  const parts = [
    [live.running, out.running, live.current[0]],
    [live.ready, out.ready, live.current[1]],
    [live.waiting, out.waiting, live.current[2]],
  ] as const;
  for (const [bins, target, current] of parts) {
    // prefix[i] = area of bins before i.
    const prefix = new Float64Array(used + 1);
    for (let i = 0; i < used; i++) prefix[i + 1] = prefix[i]! + bins[i]!;
    const area = (x: number): number => {
      if (x <= 0) return 0;
      if (x >= live.until) return prefix[used]! + current * Math.max(0, Math.min(x, end) - live.until);
      const i = Math.min(used - 1, Math.floor(x / bw));
      const binStart = i * bw;
      const binEnd = Math.min(binStart + bw, live.until);
      const share = binEnd > binStart ? Math.min(1, Math.max(0, (x - binStart) / (binEnd - binStart))) : 0;
      return prefix[i]! + bins[i]! * share;
    };
    let left = area(from);
    for (let c = 0; c < n; c++) {
      const right = area(from + (c + 1) * width);
      target[c] = Math.max(0, right - left) / width;
      left = right;
    }
  }
  let peak = 0;
  for (let c = 0; c < n; c++) peak = Math.max(peak, out.running[c]! + out.ready[c]! + out.waiting[c]!);
  return { from, to, ...out, peak };
}

/** Work (lane searches + segments visited) the exact path may do per call: well under a millisecond. */
export const EXACT_SEGMENT_BUDGET = 30_000;

/** Where the exact path reads its lanes: a TraceStore (`segmentTotal` is its O(1) count). */
export interface LaneSource {
  lanes(): readonly Lane[];
  /** Segments of every lane: the sum of their `segmentCount`. */
  readonly segmentTotal: number;
}

/**
 * Running / ready / waiting averaged over `columns` columns of the shown range [from, to): what the
 * concurrency chart under the lanes draws, so it follows zoom and pan. The live bins are used when
 * each covers at most two columns; a deeper zoom bins the segments in view exactly, unless that
 * would cost more than `maxSegments` (lane searches + segments visited; then the live bins,
 * coarse but cheap: a 10,000-lane run zoomed deep shows them as steps).
 */
export function concurrencyInView(
  live: LiveConcurrency,
  source: LaneSource,
  axis: "time" | "steps",
  end: number,
  from: number,
  to: number,
  columns: number,
  maxSegments = EXACT_SEGMENT_BUDGET,
): ConcurrencyBins {
  const columnWidth = (to - from) / Math.max(1, Math.floor(columns));
  if (live.binWidth <= 2 * columnWidth) return resampleLive(live, end, from, to, columns);
  // The exact path costs a binary search per lane plus the segments in view (taken as spread
  // evenly): skip it when that estimate is over budget, so a 10,000-lane pan stays cheap.
  const all = source.lanes();
  const total = source.segmentTotal;
  const searchCost = all.length * Math.ceil(Math.log2(2 + total / Math.max(1, all.length)));
  const inView = end > 0 ? (total * (to - from)) / end : total;
  if (searchCost + inView > maxSegments) return resampleLive(live, end, from, to, columns);
  return concurrencyBins(all, axis, from, to, columns, maxSegments) ?? resampleLive(live, end, from, to, columns);
}
