/**
 * Pure swimlane geometry: where each segment of each row goes, in CSS pixels, and which segment
 * lies under a point. Row 0 is the event-loop lane, row i + 1 is `lanes[i]`. No DOM here, so the
 * maths is unit-tested without a browser.
 */
import { scaleLinear, type ScaleLinear } from "d3";
import type { LoopState } from "../../model/traceStore";
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
 * Rects for the visible part of `rows` (row 0 = loop lane). Widths are at least 1 px, lane ends at
 * least {@link END_MARK_PX}; x is clamped to just outside the view so deep zooms keep canvas
 * coordinates small and a label centres on the visible part.
 */
export function layoutLanes(rows: readonly (readonly Span[])[], toPx: ToPx, options: LayoutOptions): SegmentRect[] {
  const { axis, rowPx, widthPx } = options;
  const first = Math.max(0, options.firstRow ?? 0);
  const last = Math.min(rows.length - 1, options.lastRow ?? rows.length - 1);
  const offsetY = options.offsetYPx ?? 0;
  const rects: SegmentRect[] = [];
  for (let row = first; row <= last; row++) {
    const spans = rows[row]!;
    const y = row * rowPx + ROW_GAP_PX - offsetY;
    const height = Math.max(1, rowPx - 2 * ROW_GAP_PX);
    spans.forEach((span, index) => {
      const [from, to] = spanExtent(span, axis);
      let x0 = toPx(from);
      let x1 = toPx(to);
      const minWidth = isEnd(span.state) && to <= from ? END_MARK_PX : MIN_WIDTH_PX;
      if (x1 - x0 < minWidth) x1 = x0 + minWidth;
      if (x1 < 0 || x0 > widthPx) return;
      x0 = Math.max(x0, -1);
      x1 = Math.min(x1, widthPx + 1);
      rects.push({ row, index, state: span.state, x: x0, y, width: x1 - x0, height });
    });
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
