import type { ZoomTransform } from "d3";
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { RELATION_KINDS, type RelationKind } from "../../model/relations";
import type { TraceStore } from "../../model/traceStore";
import type { TaskId } from "../../model/types";
import { ConcurrencyStrip } from "./ConcurrencyStrip";
import { AXIS_PX, LABEL_PX, ROW_PX, VIRTUALISE_AFTER_LANES } from "./dimensions";
import type { Axis } from "./geometry";
import { LaneLabels } from "./LaneLabels";
import { layoutLaneTree, type LaneRow } from "./laneTree";
import { paletteFor, type Theme } from "./palette";
import { SwimlaneHeader } from "./SwimlaneHeader";
import { SwimlaneToolbar } from "./SwimlaneToolbar";
import { useColorScheme } from "./useColorScheme";
import { useElementSize } from "./useElementSize";
import { useSwimlaneKeys } from "./useSwimlaneKeys";
import { useSwimlanePainter } from "./useSwimlanePainter";
import { useSwimlanePointer } from "./useSwimlanePointer";
import { useSwimlaneWords } from "./useSwimlaneWords";
import { useSwimlaneZoom, type SwimlaneZoom, type ZoomCause } from "./useSwimlaneZoom";
import "./Swimlane.css";

export { VIRTUALISE_AFTER_LANES } from "./dimensions";

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

const EMPTY_SET: ReadonlySet<TaskId> = new Set();

/**
 * Every task as a lane over virtual time (or steps): DOM labels on the left (nested under the task
 * that created them, collapsible), segments, relation arrows and output/warning marks on a canvas,
 * a d3 axis on top, and a concurrency strip with an overview below. Ctrl/⌘+wheel or pinch zooms,
 * the wheel scrolls lanes, drag or A/D pans, W/S zooms, F or double-click fits, a drag on the axis
 * zooms to that range, a click selects a task. This component holds the view state and wires the
 * pieces: useSwimlanePainter paints the canvas and axis, useSwimlanePointer / useSwimlaneKeys /
 * useSwimlaneZoom take input, SwimlaneHeader and LaneLabels are its DOM.
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
  const { widthPx, heightPx } = useElementSize(areaRef);
  const plotWidthPx = Math.max(0, widthPx - LABEL_PX);
  const rowCount = tree.rows.length + 1;
  const contentHeightPx = rowCount * ROW_PX;
  const canvasHeightPx = Math.max(ROW_PX, Math.min(contentHeightPx, heightPx - AXIS_PX));
  const isVirtualised = tree.rows.length > VIRTUALISE_AFTER_LANES;
  const [scrollTopPx, setScrollTopPx] = useState(0);

  const zoomControlRef = useRef<SwimlaneZoom | null>(null);
  /** The concurrency strip's painter, called with the shown domain after each paint. */
  const stripPainter = useRef<((shown: readonly [number, number]) => void) | null>(null);
  const { inputs, view, drawn, schedulePaint } = useSwimlanePainter(
    { area: areaRef, canvas: canvasRef, axis: axisRef, zoom: zoomControlRef, strip: stripPainter },
    { store, tree, axis, palette, plotWidthPx, canvasHeightPx, enabled, selectedTaskId, isLive, isFollowing, cursorVt, words },
  );
  const { handlePointerMove, handleClick, hideTooltip } = useSwimlanePointer(
    { area: areaRef, canvas: canvasRef, tooltip: tooltipRef, drawn },
    words,
    selectedTaskId,
    onSelectTask,
  );

  /** A pan or range chosen by hand stops following a live run. */
  const stopFollowing = useCallback(() => {
    if (inputs.current.isLive) setFollowing(false);
  }, [inputs]);

  const handleZoom = useCallback(
    (next: ZoomTransform, cause: ZoomCause) => {
      const base = drawn.current.base;
      if (next.k === 1 && next.x === 0) view.current = undefined;
      else if (base !== undefined) view.current = next.rescaleX(base).domain() as [number, number];
      if (cause === "pan") stopFollowing();
      hideTooltip();
      schedulePaint();
    },
    [drawn, view, stopFollowing, hideTooltip, schedulePaint],
  );
  const zoomControl = useSwimlaneZoom(areaRef, LABEL_PX, plotWidthPx, handleZoom);
  zoomControlRef.current = zoomControl;

  const fit = useCallback(() => {
    view.current = undefined;
    zoomControl.reset();
    schedulePaint();
  }, [view, zoomControl, schedulePaint]);

  // A new run or another axis starts with the whole run in view.
  useEffect(() => {
    fit();
    setCollapsed(EMPTY_SET);
  }, [store, axis, fit]);

  /** Shows a range the user picked (axis brush, concurrency overview). */
  const showDomain = useCallback(
    (domain: readonly [number, number]) => {
      stopFollowing();
      if (!(domain[1] > domain[0])) return;
      view.current = [domain[0], domain[1]];
      schedulePaint();
    },
    [view, stopFollowing, schedulePaint],
  );

  const toggleCollapsed = useCallback((row: LaneRow) => setCollapsed((prev) => toggled(prev, row.lane.id)), []);
  const toggleRelation = useCallback((kind: RelationKind) => setEnabled((prev) => toggled(prev, kind)), []);

  const { handleKeyDown, handleWheel } = useSwimlaneKeys({
    zoom: zoomControl,
    onFit: fit,
    onPan: stopFollowing,
    onDeselect: () => onSelectTask?.(undefined),
  });

  const handleScroll = () => {
    hideTooltip();
    schedulePaint();
    if (isVirtualised && areaRef.current !== null) setScrollTopPx(areaRef.current.scrollTop);
  };

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
        <SwimlaneHeader axis={axis} plotWidthPx={plotWidthPx} axisRef={axisRef} plotScale={() => drawn.current.plot} onBrush={showDomain} />
        <div className="swimlane-body">
          <LaneLabels
            rows={tree.rows}
            contentHeightPx={contentHeightPx}
            isVirtualised={isVirtualised}
            scrollTopPx={scrollTopPx}
            viewportHeightPx={heightPx}
            selectedTaskId={selectedTaskId}
            onToggleCollapsed={toggleCollapsed}
          />
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
        onShowDomain={showDomain}
      />
    </div>
  );
}

/** `set` with `item` added, or removed if it was there. */
function toggled<T>(set: ReadonlySet<T>, item: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
