/**
 * Pure swimlane geometry: where each segment of each row goes, in CSS pixels, and which segment
 * lies under a point. Row 0 is the event-loop lane, row i + 1 is `lanes[i]`. No DOM here, so the
 * maths is unit-tested without a browser.
 */
import { scaleLinear, type ScaleLinear } from "d3";
import type { LoopState } from "../../model/loopActivity";
import type { SegmentState } from "../../model/types";

/** The swimlane's x-axis: virtual seconds, or one column per scheduling step. */
export type Axis = "time" | "steps";

/** Every state a rect can be painted in (task lanes use SegmentState, the loop lane adds idle). */
export type DrawState = SegmentState | LoopState;

/** What geometry needs of a segment; `Segment` and `LoopSpan` both fit. */
export interface Span {
  readonly state: DrawState;
  /** Virtual seconds. */
  readonly start: number;
  readonly end: number;
  readonly startStep: number;
  readonly endStep: number;
}

export interface SegmentRect {
  /** 0 = the loop lane, i + 1 = the i-th task lane. */
  readonly row: number;
  /** Index of the span within its row. */
  readonly index: number;
  readonly state: DrawState;
  /** CSS pixels from the plot's left edge / the canvas top. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** How many sub-pixel spans this rect stands for (level of detail); absent = exactly one. */
  readonly merged?: number;
}

/** A function from axis units (seconds or steps) to CSS pixels; a d3 scale is one. */
export type ToPx = (value: number) => number;

/** Narrowest drawn segment, so a zero-length fact stays visible. */
export const MIN_WIDTH_PX = 1;
/** A lane's end (a zero-length done/failed/cancelled segment) is drawn as a tick this wide. */
export const END_MARK_PX = 3;
/** Gap between rows: a rect is `rowPx - 2 * ROW_GAP_PX` tall. */
const ROW_GAP_PX = 2;
/** Share of the run added left and right of it in the initial view. */
const MARGIN = 0.02;

const isEnd = (state: DrawState) => state === "done" || state === "failed" || state === "cancelled";

/**
 * The axis domain that fits the whole run with a small margin: [0, endTime] seconds or
 * [0, stepCount] steps; an empty or all-zero run shows [0, 1].
 */
export function fullDomain(axis: Axis, endTime: number, stepCount: number): [number, number] {
  const end = axis === "time" ? endTime : stepCount;
  const span = end > 0 ? end : 1;
  return [-span * MARGIN, span * (1 + MARGIN)];
}

/** The initial (unzoomed) scale: the full run over [rangeStartPx, rangeStartPx + widthPx]. */
export function baseScale(
  axis: Axis,
  endTime: number,
  stepCount: number,
  widthPx: number,
  rangeStartPx = 0,
): ScaleLinear<number, number> {
  return scaleLinear()
    .domain(fullDomain(axis, endTime, stepCount))
    .range([rangeStartPx, rangeStartPx + Math.max(1, widthPx)]);
}

/** A span's extent in axis units. */
export function spanExtent(span: Span, axis: Axis): [number, number] {
  return axis === "time" ? [span.start, span.end] : [span.startStep, span.endStep];
}

export interface LayoutOptions {
  readonly axis: Axis;
  readonly rowPx: number;
  /** Visible plot width: rects entirely outside [0, widthPx] are left out. */
  readonly widthPx: number;
  /** Only rows in [firstRow, lastRow] are laid out (the rows on screen). */
  readonly firstRow?: number;
  readonly lastRow?: number;
  /** Subtracted from every y (vertical scroll). */
  readonly offsetYPx?: number;
}

/**
 * Segments narrower than this (CSS px) are merged with their sub-pixel neighbours into one rect
 * (level of detail): a million zero-time steps draw as a few hundred rects, never as noise.
 */
export const MERGE_PX = 1;

const STATE_INDEX: Readonly<Record<DrawState, number>> = {
  ready: 0,
  running: 1,
  waiting: 2,
  blocked: 3,
  done: 4,
  failed: 5,
  cancelled: 6,
  idle: 7,
};

/**
 * First index in `spans` whose extent ends at or after `value` (spans are contiguous and in
 * order, so their ends never decrease). Binary search: a 10,000-step lane costs ~14 probes.
 */
export function firstSpanEndingAfter(spans: readonly Span[], axis: Axis, value: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid]!;
    const end = axis === "time" ? s.end : s.endStep;
    if (end < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rects for the visible part of `rows` (row 0 = loop lane). Widths are at least 1 px, lane ends at
 * least {@link END_MARK_PX}; x is clamped to just outside the view so deep zooms keep canvas
 * coordinates small and a label centres on the visible part. Runs of segments narrower than
 * {@link MERGE_PX} become one rect painted in the state that covers most of it (`merged` counts
 * them; `index` is that state's longest span). Cost: O(visible rows × (log spans + spans in view)).
 * A scale with `invert` (a d3 scale) lets each row skip the spans left of the view by binary search.
 */
export function layoutLanes(rows: readonly (readonly Span[])[], toPx: ToPx & { invert?: (px: number) => number }, options: LayoutOptions): SegmentRect[] {
  const { axis, rowPx, widthPx } = options;
  const first = Math.max(0, options.firstRow ?? 0);
  const last = Math.min(rows.length - 1, options.lastRow ?? rows.length - 1);
  const offsetY = options.offsetYPx ?? 0;
  const viewStart = toPx.invert === undefined ? -Infinity : Math.min(toPx.invert(-2), toPx.invert(widthPx + 2));
  const rects: SegmentRect[] = [];
  const weights = new Float64Array(8);
  const longest = new Float64Array(8);
  const longestIndex = new Int32Array(8);
  const states = Object.keys(STATE_INDEX) as DrawState[];
  for (let row = first; row <= last; row++) {
    const spans = rows[row]!;
    const y = row * rowPx + ROW_GAP_PX - offsetY;
    const height = Math.max(1, rowPx - 2 * ROW_GAP_PX);
    // A pending merge of sub-pixel spans: [mx0, mx1) in px, `count` spans.
    let mx0 = 0;
    let mx1 = 0;
    let count = 0;
    const flush = () => {
      if (count === 0) return;
      let best = 0;
      for (let i = 1; i < 8; i++) if (weights[i]! > weights[best]!) best = i;
      const x0 = Math.max(mx0, -1);
      const x1 = Math.min(Math.max(mx1, mx0 + MIN_WIDTH_PX), widthPx + 1);
      if (x1 >= 0 && x0 <= widthPx) {
        rects.push({ row, index: longestIndex[best]!, state: states[best]!, x: x0, y, width: x1 - x0, height, ...(count > 1 && { merged: count }) });
      }
      count = 0;
      weights.fill(0);
      longest.fill(-1);
    };
    longest.fill(-1);
    const startIndex = Number.isFinite(viewStart) ? firstSpanEndingAfter(spans, axis, viewStart) : 0;
    for (let index = startIndex; index < spans.length; index++) {
      const span = spans[index]!;
      const [from, to] = spanExtent(span, axis);
      let x0 = toPx(from);
      let x1 = toPx(to);
      if (x0 > widthPx + 1) break;
      const terminal = isEnd(span.state) && to <= from;
      if (!terminal && x1 - x0 < MERGE_PX) {
        if (count > 0 && x0 > mx1 + MERGE_PX) flush();
        if (count === 0) mx0 = x0;
        mx1 = Math.max(mx1, x1, x0);
        const si = STATE_INDEX[span.state];
        const w = Math.max(x1 - x0, 1e-6);
        weights[si] = weights[si]! + w;
        if (w > longest[si]!) {
          longest[si] = w;
          longestIndex[si] = index;
        }
        count++;
        continue;
      }
      flush();
      const minWidth = terminal ? END_MARK_PX : MIN_WIDTH_PX;
      if (x1 - x0 < minWidth) x1 = x0 + minWidth;
      if (x1 < 0 || x0 > widthPx) continue;
      x0 = Math.max(x0, -1);
      x1 = Math.min(x1, widthPx + 1);
      rects.push({ row, index, state: span.state, x: x0, y, width: x1 - x0, height });
    }
    flush();
  }
  return rects;
}

/** Rows [first, last] that intersect a viewport `heightPx` tall scrolled by `scrollTopPx`. */
export function visibleRows(rowCount: number, rowPx: number, scrollTopPx: number, heightPx: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTopPx / rowPx));
  const last = Math.min(rowCount - 1, Math.ceil((scrollTopPx + heightPx) / rowPx));
  return [first, last];
}

/** How far (px) a pointer may miss a thin rect and still hit it. */
const SLOP_PX = 3;

/**
 * The rect under (x, y), or the nearest one on that row within a few pixels; when rects overlap,
 * the one painted last (on top) wins.
 */
export function hitTest(rects: readonly SegmentRect[], x: number, y: number): SegmentRect | undefined {
  let near: SegmentRect | undefined;
  let nearDistance = SLOP_PX;
  for (let i = rects.length - 1; i >= 0; i--) {
    const r = rects[i]!;
    if (y < r.y || y >= r.y + r.height) continue;
    if (x >= r.x && x < r.x + r.width) return r;
    const distance = x < r.x ? r.x - x : x - (r.x + r.width);
    if (distance <= nearDistance) {
      near = r;
      nearDistance = distance;
    }
  }
  return near;
}

/** A d3-zoom transform's numbers: x' = k·x + x. */
export interface ZoomNumbers {
  readonly k: number;
  readonly x: number;
}

/**
 * The zoom transform that shows `domain` (axis units) across the plot, for a base scale mapping
 * the whole run onto [plotLeftPx, plotLeftPx + widthPx]. Lets the view keep its domain while the
 * base grows with a live run, and zoom to a range dragged on the axis.
 */
export function transformForDomain(domain: readonly [number, number], base: ToPx, plotLeftPx: number, widthPx: number): ZoomNumbers {
  const a = base(domain[0]);
  const b = base(domain[1]);
  const k = b > a ? Math.max(widthPx, 1) / (b - a) : 1;
  return { k, x: plotLeftPx - k * a };
}

/**
 * The domain a live view should show next: the whole run when fitted (`view` undefined); when
 * following, the same width with its right edge at the run's end; otherwise exactly `view`, so
 * arriving batches never move what the user is looking at.
 */
export function liveDomain(view: readonly [number, number] | undefined, full: readonly [number, number], follow: boolean): [number, number] {
  if (view === undefined) return [full[0], full[1]];
  if (!follow) return [view[0], view[1]];
  const width = view[1] - view[0];
  return [full[1] - width, full[1]];
}

export interface AxisTicks {
  readonly values: readonly number[];
  readonly labels: readonly string[];
}

/**
 * Tick positions and texts for the visible domain: about one tick per `spacingPx`; time ticks
 * share one unit that adapts to the magnitude (µs, ms, s, min), step ticks are whole steps.
 */
export function axisTicks(axis: Axis, domain: readonly [number, number], widthPx: number, spacingPx: number, format: (max: number, step: number) => (v: number) => string): AxisTicks {
  const scale = scaleLinear().domain([domain[0], domain[1]]).range([0, Math.max(1, widthPx)]);
  const count = Math.max(2, Math.floor(widthPx / spacingPx));
  let values = scale.ticks(count);
  if (axis === "steps") {
    values = values.filter(Number.isInteger);
    return { values, labels: values.map((v) => String(v)) };
  }
  const step = values.length > 1 ? values[1]! - values[0]! : 1;
  const f = format(Math.max(Math.abs(domain[0]), Math.abs(domain[1])), step);
  return { values, labels: values.map(f) };
}
