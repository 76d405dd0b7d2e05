import { axisTop, scaleLinear, select, type ScaleLinear, type ZoomTransform } from "d3";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type WheelEvent,
} from "react";
import { traceRelations, RELATION_KINDS, type LaneMark, type RelationKind } from "../../model/relations";
import { tickFormat } from "../../model/timeFormat";
import { loopLane } from "../../model/loopLane";
import type { TraceStore } from "../../model/traceStore";
import type { TaskId } from "../../model/types";
import { hitMark, layoutArrows, layoutMarks, type MarkTick } from "./arrows";
import { ConcurrencyStrip } from "./ConcurrencyStrip";
import { axisTicks, baseScale, hitTest, layoutLanes, liveDomain, transformForDomain, visibleRows, type Axis, type SegmentRect, type Span } from "./geometry";
import { LaneLabel } from "./LaneLabel";
import { layoutLaneTree, type LaneRow, type LaneTree } from "./laneTree";
import { stepAt } from "../../model/timeline";
import { paintArrows, paintCursor, paintMarks, paintSelection, paintSwimlane, sizeCanvas } from "./paint";
import { paletteFor, type Palette, type Theme } from "./palette";
import { segmentLabelChoices } from "./segmentLabel";
import { SwimlaneToolbar } from "./SwimlaneToolbar";
import { tooltipText, type TooltipSpan } from "./tooltipText";
import { useColorScheme } from "./useColorScheme";
import { useElementSize } from "./useElementSize";
import { useSwimlaneWords } from "./useSwimlaneWords";
import { useSwimlaneZoom, type ZoomCause } from "./useSwimlaneZoom";
import "./Swimlane.css";

/** Height of one lane (CSS px). */
const ROW_PX = 24;
/** Width of the label column (CSS px). */
const LABEL_PX = 200;
/** Height of the axis above the lanes (CSS px). */
const AXIS_PX = 28;
/** Roughly one axis tick per this many pixels. */
const TICK_SPACING_PX = 90;
/** Keyboard zoom factor per key press, and pan per key press (share of the view). */
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.15;
/** Past this many lanes only the labels near the viewport are in the DOM (virtualisation). */
export const VIRTUALISE_AFTER_LANES = 500;
/** Labels rendered above and below the viewport when virtualised. */
const OVERSCAN_ROWS = 20;
/** At most this many arrows / marks are drawn per frame. */
const MAX_ARROWS = 600;
const MAX_MARKS = 4000;
/** A drag on the axis shorter than this (CSS px) is a click, not a range. */
const MIN_BRUSH_PX = 4;

export interface SwimlaneProps {
  /** The run's trace; read, never written. */
  readonly store: TraceStore;
  /** `store.version` when rendered: a new value makes the swimlane re-read the store. */
  readonly version: number;
  readonly axis: Axis;
  /** Colours; defaults to the browser's preferred scheme. */
  readonly theme?: Theme;
  /** The program is running: batches are still arriving (enables follow mode). */
  readonly isLive?: boolean;
  /** The selected task (highlighted), and how to change it. */
  readonly selectedTaskId?: TaskId | undefined;
  readonly onSelectTask?: (id: TaskId | undefined) => void;
  /** The playback cursor in virtual seconds, drawn as a vertical line on the time axis. */
  readonly cursorVt?: number | undefined;
}

/** What the painter reads: the last rendered props, kept outside React's render cycle. */
interface PaintInputs {
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
}

/** What the last paint drew, for hit testing and the axis brush. */
interface Drawn {
  readonly rects: readonly SegmentRect[];
  readonly rows: readonly (readonly Span[])[];
  readonly laneRows: readonly LaneRow[];
  readonly ticks: readonly MarkTick[];
  readonly marks: readonly LaneMark[];
  readonly nameOf: (id: number) => string | undefined;
  readonly plot: ScaleLinear<number, number> | undefined;
  readonly base: ScaleLinear<number, number> | undefined;
}

const EMPTY_DRAWN: Drawn = { rects: [], rows: [], laneRows: [], ticks: [], marks: [], nameOf: () => undefined, plot: undefined, base: undefined };

const EMPTY_SET: ReadonlySet<TaskId> = new Set();
const NO_LABEL: readonly string[] = [];

/**
 * Every task as a lane over virtual time (or steps): DOM labels on the left (nested under the task
 * that created them, collapsible), segments, relation arrows and output/warning marks on a canvas,
 * a d3 axis on top, and a concurrency strip with an overview below. Ctrl/⌘+wheel or pinch zooms,
 * the wheel scrolls lanes, drag or A/D pans, W/S zooms, F or double-click fits, a drag on the axis
 * zooms to that range, a click selects a task.
 */
export function Swimlane({ store, version, axis, theme, isLive = false, selectedTaskId, onSelectTask, cursorVt }: SwimlaneProps) {
  const preferred = useColorScheme();
  const palette = paletteFor(theme ?? preferred);
  const words = useSwimlaneWords();
  const { t } = words;
  // `version` is the memo key: the store mutates in place and bumps it.
  const lanes = useMemo(() => store.lanes(), [store, version]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<TaskId>>(EMPTY_SET);
  const tree = useMemo(() => layoutLaneTree(lanes, collapsed), [lanes, collapsed]);
  const [enabled, setEnabled] = useState<ReadonlySet<RelationKind>>(() => new Set(RELATION_KINDS));
  const [isFollowing, setFollowing] = useState(true);

  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const brushRef = useRef<HTMLDivElement>(null);
  const { widthPx, heightPx } = useElementSize(areaRef);
  const plotWidthPx = Math.max(0, widthPx - LABEL_PX);
  const rowCount = tree.rows.length + 1;
  const contentHeightPx = rowCount * ROW_PX;
  const canvasHeightPx = Math.max(ROW_PX, Math.min(contentHeightPx, heightPx - AXIS_PX));
  const isVirtualised = tree.rows.length > VIRTUALISE_AFTER_LANES;
  const [scrollTopPx, setScrollTopPx] = useState(0);

  const inputs = useRef<PaintInputs>({ store, tree, axis, palette, plotWidthPx, canvasHeightPx, enabled, selectedTaskId, isLive, isFollowing, cursorVt });
  /** The shown domain (axis units), or undefined: the whole run ("fit"). */
  const view = useRef<[number, number] | undefined>(undefined);
  const drawn = useRef<Drawn>(EMPTY_DRAWN);
  const frame = useRef(0);
  const zoomControlRef = useRef<ReturnType<typeof useSwimlaneZoom> | null>(null);
  /** The concurrency strip's painter, called with the shown domain after each paint. */
  const stripPainter = useRef<((shown: readonly [number, number]) => void) | null>(null);

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
    zoomControlRef.current?.sync(view.current === undefined ? { k: 1, x: 0 } : transformForDomain(domain, base, LABEL_PX, p.plotWidthPx));
    const plot = scaleLinear().domain(domain).range([0, p.plotWidthPx]);
    const laneRows = p.tree.rows;
    const rows: (readonly Span[])[] = [loopLane(p.store)];
    for (const r of laneRows) rows.push(r.lane.segments);
    const scrollTop = area.scrollTop;
    const [firstRow, lastRow] = visibleRows(rows.length, ROW_PX, scrollTop, p.canvasHeightPx);
    const rects = layoutLanes(rows, plot, { axis: p.axis, rowPx: ROW_PX, widthPx: p.plotWidthPx, firstRow, lastRow, offsetYPx: scrollTop });
    const names = new Map<number, string>();
    for (const r of laneRows) names.set(r.lane.id, r.lane.name);
    const nameOf = (id: number) => names.get(id) ?? p.store.lanes().find((l) => l.id === id)?.name;
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
        const span = rows[r.row]?.[r.index];
        return span === undefined ? NO_LABEL : segmentLabelChoices(span, nameOf);
      },
    });
    paintMarks(ctx, ticks, p.palette, ROW_PX);
    paintArrows(ctx, arrows, p.palette);
    if (p.cursorVt !== undefined) {
      const at = p.axis === "time" ? p.cursorVt : stepAt(p.store.lanes(), p.cursorVt);
      paintCursor(ctx, plot(at), p.canvasHeightPx, p.plotWidthPx);
    }
    area.dataset.arrows = String(arrows.length);
    // Per kind, for tests and scripts: {"create": 2, "exception": 1, ...} of what is drawn.
    const counts: Partial<Record<RelationKind, number>> = {};
    for (const arrow of arrows) counts[arrow.kind] = (counts[arrow.kind] ?? 0) + 1;
    area.dataset.arrowKinds = JSON.stringify(counts);
    area.dataset.viewStart = String(domain[0]);
    area.dataset.viewEnd = String(domain[1]);
    stripPainter.current?.(domain);

    const g = axisRef.current;
    if (g !== null) {
      const { values, labels } = axisTicks(p.axis, domain, p.plotWidthPx, TICK_SPACING_PX, tickFormat);
      const axisGen = axisTop(plot)
        .tickSizeOuter(0)
        .tickValues(values)
        .tickFormat((_, i) => labels[i] ?? "");
      select(g).call(axisGen);
    }
  }, []);

  const schedulePaint = useCallback(() => {
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      paint();
    });
  }, [paint]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  // Every render may bring a new version, axis, theme, size or selection: hand them to the painter.
  useLayoutEffect(() => {
    inputs.current = { store, tree, axis, palette, plotWidthPx, canvasHeightPx, enabled, selectedTaskId, isLive, isFollowing, cursorVt };
    schedulePaint();
  });

  const hideTooltip = useCallback(() => {
    if (tooltipRef.current !== null) tooltipRef.current.hidden = true;
  }, []);

  const handleZoom = useCallback(
    (next: ZoomTransform, cause: ZoomCause) => {
      const base = drawn.current.base;
      if (next.k === 1 && next.x === 0) view.current = undefined;
      else if (base !== undefined) view.current = next.rescaleX(base).domain() as [number, number];
      if (cause === "pan" && inputs.current.isLive) setFollowing(false);
      hideTooltip();
      schedulePaint();
    },
    [hideTooltip, schedulePaint],
  );
  const zoomControl = useSwimlaneZoom(areaRef, LABEL_PX, plotWidthPx, handleZoom);
  zoomControlRef.current = zoomControl;

  const fit = useCallback(() => {
    view.current = undefined;
    zoomControl.reset();
    schedulePaint();
  }, [zoomControl, schedulePaint]);

  // A new run or another axis starts with the whole run in view.
  useEffect(() => {
    fit();
    setCollapsed(EMPTY_SET);
  }, [store, axis, fit]);

  const showDomain = useCallback(
    (domain: readonly [number, number]) => {
      if (!(domain[1] > domain[0])) return;
      view.current = [domain[0], domain[1]];
      schedulePaint();
    },
    [schedulePaint],
  );

  const toggleCollapsed = useCallback((row: LaneRow) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(row.lane.id)) next.delete(row.lane.id);
      else next.add(row.lane.id);
      return next;
    });
  }, []);

  const toggleRelation = useCallback((kind: RelationKind) => {
    setEnabled((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }, []);

  /** The drawn row (0 = loop) under a client y, from the canvas's position and the scroll. */
  const rowAtClientY = (clientY: number): number | undefined => {
    const canvas = canvasRef.current;
    const area = areaRef.current;
    if (canvas === null || area === null) return undefined;
    const y = clientY - canvas.getBoundingClientRect().top;
    if (y < 0) return undefined;
    return Math.floor((y + area.scrollTop) / ROW_PX);
  };

  const handlePointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    const tooltip = tooltipRef.current;
    if (canvas === null || tooltip === null || event.buttons !== 0) return;
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const inside = x >= 0 && y >= 0 && x < box.width && y < box.height;
    const d = drawn.current;
    let text: string | undefined;
    const mark = inside ? hitMark(d.ticks, x, y, ROW_PX) : undefined;
    if (mark !== undefined) {
      const m = d.marks[mark.index];
      if (m !== undefined) {
        const who = m.task === 0 ? t("swimlane.tip.mainProgram") : (d.nameOf(m.task) ?? `#${m.task}`);
        const shown = m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text;
        text = `${t(m.kind === "output" ? "swimlane.tip.printed" : "swimlane.tip.warning", { who })}\n${shown}`;
      }
    } else {
      const hit = inside ? hitTest(d.rects, x, y) : undefined;
      const span = hit === undefined ? undefined : d.rows[hit.row]?.[hit.index];
      if (hit !== undefined && span !== undefined) {
        const lane = hit.row === 0 ? undefined : d.laneRows[hit.row - 1]?.lane;
        const owner = lane === undefined ? { name: t("swimlane.loop") } : { name: lane.name, coro: lane.coro, createdLine: lane.createdLine };
        text = tooltipText(owner, span as TooltipSpan, d.nameOf, words, hit.merged ?? 1);
      }
    }
    if (text === undefined) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = text;
    tooltip.style.left = `${Math.min(event.clientX + 14, window.innerWidth - 370)}px`;
    tooltip.style.top = `${event.clientY + 14}px`;
    tooltip.hidden = false;
  };

  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (onSelectTask === undefined) return;
    const origin = event.target instanceof Element ? event.target : null;
    if (origin?.closest(".swimlane-header, button") != null) return;
    const labelRow = origin?.closest<HTMLElement>("[data-row]")?.dataset.row;
    const row = labelRow !== undefined ? Number(labelRow) : rowAtClientY(event.clientY);
    const lane = row === undefined || row === 0 ? undefined : drawn.current.laneRows[row - 1]?.lane;
    onSelectTask(lane === undefined || lane.id === selectedTaskId ? undefined : lane.id);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pan = (share: number) => {
      if (inputs.current.isLive) setFollowing(false);
      zoomControl.panBy(share);
    };
    const actions: Record<string, () => void> = {
      "+": () => zoomControl.zoomBy(KEY_ZOOM),
      "=": () => zoomControl.zoomBy(KEY_ZOOM),
      "-": () => zoomControl.zoomBy(1 / KEY_ZOOM),
      w: () => zoomControl.zoomBy(KEY_ZOOM),
      s: () => zoomControl.zoomBy(1 / KEY_ZOOM),
      a: () => pan(-KEY_PAN),
      d: () => pan(KEY_PAN),
      ArrowLeft: () => pan(-KEY_PAN),
      ArrowRight: () => pan(KEY_PAN),
      f: fit,
      "0": fit,
      Home: fit,
      Escape: () => onSelectTask?.(undefined),
    };
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const action = actions[key];
    if (action === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  // A horizontal wheel (trackpad swipe, Shift+wheel) pans; a vertical one scrolls the lanes natively.
  const handleWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey) return;
    const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
    if (Math.abs(dx) > Math.abs(event.shiftKey ? 0 : event.deltaY)) {
      if (inputs.current.isLive) setFollowing(false);
      zoomControl.panByPx(dx);
    }
  };

  const handleScroll = () => {
    hideTooltip();
    schedulePaint();
    if (isVirtualised && areaRef.current !== null) setScrollTopPx(areaRef.current.scrollTop);
  };

  // Drag on the axis: zoom to the dragged range.
  const brushStart = useRef<number | undefined>(undefined);
  const axisX = (event: PointerEvent<SVGSVGElement>) => event.clientX - event.currentTarget.getBoundingClientRect().left;
  const handleAxisPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    brushStart.current = axisX(event);
  };
  const handleAxisPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = brushStart.current;
    const brush = brushRef.current;
    if (start === undefined || brush === null) return;
    const x = axisX(event);
    brush.hidden = Math.abs(x - start) < MIN_BRUSH_PX;
    brush.style.left = `${LABEL_PX + Math.min(start, x)}px`;
    brush.style.width = `${Math.abs(x - start)}px`;
  };
  const handleAxisPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const start = brushStart.current;
    brushStart.current = undefined;
    if (brushRef.current !== null) brushRef.current.hidden = true;
    const plot = drawn.current.plot;
    if (start === undefined || plot === undefined) return;
    const x = axisX(event);
    if (Math.abs(x - start) < MIN_BRUSH_PX) return;
    if (inputs.current.isLive) setFollowing(false);
    showDomain([plot.invert(Math.min(start, x)), plot.invert(Math.max(start, x))]);
  };

  const [firstLabel, lastLabel] = isVirtualised
    ? [Math.max(0, Math.floor(scrollTopPx / ROW_PX) - OVERSCAN_ROWS), Math.ceil((scrollTopPx + heightPx) / ROW_PX) + OVERSCAN_ROWS]
    : [0, tree.rows.length];
  const shownRows = isVirtualised ? tree.rows.slice(Math.max(0, firstLabel - 1), Math.max(0, lastLabel)) : tree.rows;
  const shownOffset = isVirtualised ? Math.max(0, firstLabel - 1) : 0;

  const style = {
    "--swimlane-bg": palette.background,
    "--swimlane-fg": palette.foreground,
    "--swimlane-separator": palette.separator,
    "--swimlane-selection": palette.selection,
  } as CSSProperties;

  return (
    <div className="swimlane-frame" style={style}>
      <SwimlaneToolbar
        enabled={enabled}
        onToggleRelation={toggleRelation}
        isFollowing={isFollowing}
        onToggleFollow={() => setFollowing((f) => !f)}
        onFit={fit}
        palette={palette}
      />
      <div
        ref={areaRef}
        className="swimlane"
        data-testid="swimlane"
        data-axis={axis}
        data-lanes={lanes.length}
        data-virtualised={isVirtualised ? "true" : undefined}
        role="group"
        aria-label={t("swimlane.aria")}
        aria-describedby="swimlane-keys"
        tabIndex={0}
        onPointerMove={handlePointerMove}
        onPointerLeave={hideTooltip}
        onScroll={handleScroll}
        onKeyDown={handleKeyDown}
        onWheel={handleWheel}
        onClick={handleClick}
        onDoubleClick={fit}
      >
        <span id="swimlane-keys" hidden>
          {t("swimlane.keysHelp")}
        </span>
        <div className="swimlane-header" style={{ height: AXIS_PX }}>
          <div className="swimlane-corner" style={{ width: LABEL_PX }}>
            {t(axis === "time" ? "swimlane.corner.time" : "swimlane.corner.steps")}
          </div>
          <svg
            className="swimlane-axis"
            data-testid="swimlane-axis"
            width={plotWidthPx}
            height={AXIS_PX}
            aria-hidden="true"
            onPointerDown={handleAxisPointerDown}
            onPointerMove={handleAxisPointerMove}
            onPointerUp={handleAxisPointerUp}
          >
            <rect className="swimlane-axis__hit" width={plotWidthPx} height={AXIS_PX} />
            <g ref={axisRef} transform={`translate(0, ${AXIS_PX - 1})`} />
          </svg>
          <div ref={brushRef} className="swimlane-brush" hidden />
        </div>
        <div className="swimlane-body">
          <div className="swimlane-labels" style={{ width: LABEL_PX, height: contentHeightPx }}>
            <div
              className="swimlane-label swimlane-label-loop"
              data-testid="loop-lane"
              data-row={0}
              title={t("swimlane.loop.title")}
              style={{ top: 0, height: ROW_PX, lineHeight: `${ROW_PX}px` }}
            >
              {t("swimlane.loop")}
            </div>
            {shownRows.map((row, i) => (
              <LaneLabel
                key={row.lane.id}
                row={row}
                index={shownOffset + i + 1}
                rowPx={ROW_PX}
                isSelected={row.lane.id === selectedTaskId}
                onToggleCollapsed={toggleCollapsed}
              />
            ))}
          </div>
          <div className="swimlane-plot" style={{ width: plotWidthPx, height: contentHeightPx }}>
            <canvas ref={canvasRef} className="swimlane-canvas" style={{ top: AXIS_PX }} />
          </div>
        </div>
        <div ref={tooltipRef} className="swimlane-tooltip" role="tooltip" hidden />
      </div>
      <ConcurrencyStrip
        store={store}
        version={version}
        axis={axis}
        palette={palette}
        labelWidthPx={LABEL_PX}
        plotWidthPx={plotWidthPx}
        painterRef={stripPainter}
        onShowDomain={(d) => {
          if (inputs.current.isLive) setFollowing(false);
          showDomain(d);
        }}
      />
    </div>
  );
}
