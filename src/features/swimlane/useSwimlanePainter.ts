/**
 * The swimlane's canvas painter: lays out and paints the visible lanes, arrows, marks, selection
 * and cursor, redraws the d3 axis, and tells the concurrency strip what is shown. It repaints
 * outside React, at most once per animation frame, from the inputs of the last render, and keeps
 * what it drew for hit testing. A render that only moved the playback cursor (every frame while a
 * run plays) redraws the kept picture of the lanes and the cursor over it, not the lanes.
 */
import { axisTop, scaleLinear, select, type ScaleLinear } from "d3";
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { traceRelations, type LaneMark, type RelationKind } from "../../model/relations";
import { tickFormat } from "../../model/timeFormat";
import { loopLane } from "../../model/loopLane";
import { stepAt } from "../../model/timeline";
import type { TraceStore } from "../../model/traceStore";
import type { TaskId } from "../../model/types";
import { layoutArrows, layoutMarks, type MarkTick } from "./arrows";
import { LABEL_PX, ROW_PX } from "./dimensions";
import { axisTicks, baseScale, layoutLanes, liveDomain, transformForDomain, visibleRows, type Axis, type SegmentRect, type Span } from "./geometry";
import type { LaneRow, LaneTree } from "./laneTree";
import { isOngoing, spansInView } from "./laneSpans";
import { paintArrows, paintCursor, paintMarks, paintSelection, paintSwimlane, sizeCanvas } from "./paint";
import type { Palette } from "./palette";
import { segmentLabelChoices, type LabelledSpan } from "./segmentLabel";
import type { SwimlaneWords } from "./words";
import type { SwimlaneZoom } from "./useSwimlaneZoom";

/** Roughly one axis tick per this many pixels. */
const TICK_SPACING_PX = 90;
/** At most this many arrows / marks are drawn per frame. */
const MAX_ARROWS = 600;
const MAX_MARKS = 4000;

/** A full paint keeps a copy of the lanes for cursor-only redraws if the cursor moved alone this recently. */
const KEEP_LANES_MS = 500;

const NO_LABEL: readonly string[] = [];
/** A lane row outside the view: its segments are not decoded. */
const NO_SPANS: readonly Span[] = [];

/** What the painter reads: the last rendered props, kept outside React's render cycle. */
export interface PaintInputs {
  readonly store: TraceStore;
  readonly tree: LaneTree;
  readonly axis: Axis;
  readonly palette: Palette;
  readonly plotWidthPx: number;
  readonly canvasHeightPx: number;
  readonly enabled: ReadonlySet<RelationKind>;
  readonly selectedTaskId: TaskId | undefined;
  readonly isLive: boolean;
  readonly cursorVt: number | undefined;
  readonly isFollowing: boolean;
  /** The page's language, for the words painted inside segments ("blocking", "waiting"). */
  readonly words: SwimlaneWords;
}

/** What the last paint drew, for hit testing and the axis brush. */
export interface Drawn {
  /** Segment rectangles in canvas pixels. */
  readonly rects: readonly SegmentRect[];
  /** Drawn rows' spans; row 0 is the loop lane. */
  readonly rows: readonly (readonly Span[])[];
  /** Task rows in drawn order (row i + 1). */
  readonly laneRows: readonly LaneRow[];
  readonly ticks: readonly MarkTick[];
  readonly marks: readonly LaneMark[];
  readonly nameOf: (id: number) => string | undefined;
  /** Axis units → plot pixels of the shown view, and of the whole run. */
  readonly plot: ScaleLinear<number, number> | undefined;
  readonly base: ScaleLinear<number, number> | undefined;
}

const EMPTY_DRAWN: Drawn = { rects: [], rows: [], laneRows: [], ticks: [], marks: [], nameOf: () => undefined, plot: undefined, base: undefined };

/** The elements painted into, and the neighbours kept in step with each paint. */
export interface PainterTargets {
  readonly area: RefObject<HTMLDivElement | null>;
  readonly canvas: RefObject<HTMLCanvasElement | null>;
  readonly axis: RefObject<SVGGElement | null>;
  /** Told the view's transform after each paint (without reporting it back as a zoom). */
  readonly zoom: RefObject<SwimlaneZoom | null>;
  /** The concurrency strip's painter, called with the shown domain after each paint. */
  readonly strip: RefObject<((shown: readonly [number, number]) => void) | null>;
}

export interface SwimlanePainter {
  /** The last rendered inputs. */
  readonly inputs: RefObject<PaintInputs>;
  /** The shown domain (axis units), or undefined: the whole run ("fit"). Set it, then `schedulePaint`. */
  readonly view: RefObject<[number, number] | undefined>;
  readonly drawn: RefObject<Drawn>;
  /** Paints on the next animation frame (at most one pending). */
  readonly schedulePaint: () => void;
}

/** Every render hands `current` to the painter and schedules a paint. */
export function useSwimlanePainter(targets: PainterTargets, current: PaintInputs): SwimlanePainter {
  const inputs = useRef<PaintInputs>(current);
  const view = useRef<[number, number] | undefined>(undefined);
  const drawn = useRef<Drawn>(EMPTY_DRAWN);
  const frame = useRef(0);
  /** The next frame's paint redraws the lanes (else only the cursor over the kept lanes). */
  const fullPending = useRef(false);
  /** The last full paint's lanes without the cursor, and what the cursor is drawn with. */
  const kept = useRef<KeptLanes | undefined>(undefined);
  /** The offscreen canvas `kept` draws into, reused. */
  const layer = useRef<HTMLCanvasElement | undefined>(undefined);
  /** When a render last moved only the cursor (playback does, every frame). */
  const cursorMovedAt = useRef(Number.NEGATIVE_INFINITY);
  const { area: areaRef, canvas: canvasRef, axis: axisRef, zoom: zoomRef, strip: stripRef } = targets;

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const area = areaRef.current;
    const p = inputs.current;
    if (canvas === null || area === null || p.plotWidthPx <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    const ctx = sizeCanvas(canvas, p.plotWidthPx, p.canvasHeightPx, dpr);
    if (ctx === null) return;
    const base = baseScale(p.axis, p.store.endTime, p.store.stepCount, p.plotWidthPx, LABEL_PX);
    const full = base.domain() as [number, number];
    const domain = liveDomain(view.current, full, p.isLive && p.isFollowing);
    if (view.current !== undefined) view.current = domain;
    zoomRef.current?.sync(view.current === undefined ? { k: 1, x: 0 } : transformForDomain(domain, base, LABEL_PX, p.plotWidthPx));
    const plot = scaleLinear().domain(domain).range([0, p.plotWidthPx]);
    const laneRows = p.tree.rows;
    const scrollTop = area.scrollTop;
    const [firstRow, lastRow] = visibleRows(laneRows.length + 1, ROW_PX, scrollTop, p.canvasHeightPx);
    // Only the visible lanes' segments are decoded (the store keeps them compact); the rest stay empty.
    const rows: (readonly Span[])[] = [loopLane(p.store)];
    for (let i = 0; i < laneRows.length; i++) rows.push(i + 1 >= firstRow && i + 1 <= lastRow ? spansInView(laneRows[i]!.lane, domain, full, p.axis) : NO_SPANS);
    const rects = layoutLanes(rows, plot, { axis: p.axis, rowPx: ROW_PX, widthPx: p.plotWidthPx, firstRow, lastRow, offsetYPx: scrollTop });
    const nameOf = (id: number) => p.store.nameOf(id);
    const { relations, marks } = traceRelations(p.store);
    const rowOf = (id: TaskId) => p.tree.rowOf.get(id);
    const layoutOptions = { axis: p.axis, rowPx: ROW_PX, widthPx: p.plotWidthPx, firstRow, lastRow, offsetYPx: scrollTop, rowOf, max: MAX_ARROWS };
    const arrows = layoutArrows(relations, p.enabled, plot, layoutOptions);
    const ticks = layoutMarks(marks, plot, { ...layoutOptions, max: MAX_MARKS });
    drawn.current = { rects, rows, laneRows, ticks, marks, nameOf, plot, base };

    const selectedRow = p.selectedTaskId === undefined ? undefined : p.tree.rowOf.get(p.selectedTaskId);
    paintSwimlane(ctx, rects, {
      widthPx: p.plotWidthPx,
      heightPx: p.canvasHeightPx,
      devicePixelRatio: dpr,
      palette: p.palette,
      rowPx: ROW_PX,
      firstRow,
      lastRow,
      scrollTopPx: scrollTop,
      beforeSegments: () => paintSelection(ctx, selectedRow, p.palette, ROW_PX, p.plotWidthPx, scrollTop),
      labelOf: (r) => {
        if (r.merged !== undefined) return NO_LABEL;
        const row = rows[r.row];
        // Task rows hold the lanes' segments (what they wait on, what a sleep asked for).
        const span = row?.[r.index] as LabelledSpan | undefined;
        if (span === undefined) return NO_LABEL;
        if (span.sleepFor === undefined) return segmentLabelChoices(span, nameOf, p.words);
        // A sleep cut short may say so, unless it is a living lane's last segment (still asleep).
        const live = isOngoing(laneRows[r.row - 1]?.lane, row!, r.index);
        return segmentLabelChoices({ ...span, live }, nameOf, p.words);
      },
    });
    paintMarks(ctx, ticks, p.palette, ROW_PX);
    paintArrows(ctx, arrows, p.palette);
    // The copy costs a full-canvas drawImage: made only while the cursor moves on its own, not on
    // every frame of a pan or zoom (a cursor moved once then repaints everything instead).
    kept.current = performance.now() - cursorMovedAt.current < KEEP_LANES_MS ? keepLanes(canvas, layer.current, plot) : undefined;
    if (kept.current !== undefined) layer.current = kept.current.layer;
    paintCursorAt(ctx, p, plot);
    area.dataset.arrows = String(arrows.length);
    // Per kind, for tests and scripts: {"create": 2, "exception": 1, ...} of what is drawn.
    const counts: Partial<Record<RelationKind, number>> = {};
    for (const arrow of arrows) counts[arrow.kind] = (counts[arrow.kind] ?? 0) + 1;
    area.dataset.arrowKinds = JSON.stringify(counts);
    area.dataset.viewStart = String(domain[0]);
    area.dataset.viewEnd = String(domain[1]);
    stripRef.current?.(domain);

    const g = axisRef.current;
    if (g !== null) {
      const { values, labels } = axisTicks(p.axis, domain, p.plotWidthPx, TICK_SPACING_PX, tickFormat);
      const axisGen = axisTop(plot)
        .tickSizeOuter(0)
        .tickValues(values)
        .tickFormat((_, i) => labels[i] ?? "");
      select(g).call(axisGen);
    }
  }, [areaRef, canvasRef, axisRef, zoomRef, stripRef]);

  /** Redraws the kept lanes and the cursor over them; false when there is nothing kept to redraw. */
  const paintCursorOnly = useCallback((): boolean => {
    const canvas = canvasRef.current;
    const last = kept.current;
    if (canvas === null || last === undefined || last.layer.width !== canvas.width || last.layer.height !== canvas.height) return false;
    const ctx = canvas.getContext("2d");
    if (ctx === null) return false;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(last.layer, 0, 0);
    ctx.restore();
    paintCursorAt(ctx, inputs.current, last.plot);
    return true;
  }, [canvasRef]);

  const requestFrame = useCallback(
    (full: boolean) => {
      if (full) fullPending.current = true;
      if (frame.current !== 0) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const wasFull = fullPending.current;
        fullPending.current = false;
        if (wasFull || !paintCursorOnly()) paint();
      });
    },
    [paint, paintCursorOnly],
  );
  const schedulePaint = useCallback(() => requestFrame(true), [requestFrame]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Every render may bring a new version, axis, theme, size or selection: hand them to the painter.
  // A render that changed only the cursor needs only the cursor redrawn.
  useLayoutEffect(() => {
    const onlyCursorMoved = sameExceptCursor(inputs.current, current);
    if (onlyCursorMoved) cursorMovedAt.current = performance.now();
    inputs.current = current;
    requestFrame(!onlyCursorMoved);
  });

  return { inputs, view, drawn, schedulePaint };
}

/** A full paint's lanes (canvas pixels, without the cursor) and the scale they were drawn with. */
interface KeptLanes {
  readonly layer: HTMLCanvasElement;
  readonly plot: ScaleLinear<number, number>;
}

/** Copies what `canvas` shows into `layer` (made or resized as needed). */
function keepLanes(canvas: HTMLCanvasElement, layer: HTMLCanvasElement | undefined, plot: ScaleLinear<number, number>): KeptLanes | undefined {
  const kept = layer ?? document.createElement("canvas");
  if (kept.width !== canvas.width) kept.width = canvas.width;
  if (kept.height !== canvas.height) kept.height = canvas.height;
  const ctx = kept.getContext("2d");
  if (ctx === null) return undefined;
  ctx.drawImage(canvas, 0, 0);
  return { layer: kept, plot };
}

/** The playback cursor: on the steps axis, the step under the cursor's time (a pass over every lane, so remembered per trace view and time). */
function paintCursorAt(ctx: CanvasRenderingContext2D, p: PaintInputs, plot: ScaleLinear<number, number>): void {
  if (p.cursorVt === undefined) return;
  const at = p.axis === "time" ? p.cursorVt : cursorStep(p.tree, p.store, p.cursorVt);
  paintCursor(ctx, plot(at), p.canvasHeightPx, p.plotWidthPx);
}

const lastCursorStep = new WeakMap<LaneTree, { readonly vt: number; readonly step: number }>();

function cursorStep(tree: LaneTree, store: TraceStore, vt: number): number {
  const last = lastCursorStep.get(tree);
  if (last !== undefined && last.vt === vt) return last.step;
  const step = stepAt(store.lanes(), vt);
  lastCursorStep.set(tree, { vt, step });
  return step;
}

/** Whether `next` differs from `prev` in nothing but the cursor. */
function sameExceptCursor(prev: PaintInputs, next: PaintInputs): boolean {
  for (const key of Object.keys(next) as (keyof PaintInputs)[]) {
    if (key !== "cursorVt" && prev[key] !== next[key]) return false;
  }
  return true;
}
