import { axisTop, format, scaleLinear, select, type ZoomTransform, zoomIdentity } from "d3";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type WheelEvent } from "react";
import { tickFormat } from "../../model/timeFormat";
import { loopActivity, type TraceStore } from "../../model/traceStore";
import type { Lane } from "../../model/types";
import { baseScale, hitTest, layoutLanes, visibleRows, type Axis, type SegmentRect, type Span } from "./geometry";
import { paintSwimlane, sizeCanvas } from "./paint";
import { paletteFor, type Palette, type Theme } from "./palette";
import { segmentLabel } from "./segmentLabel";
import { tooltipText, type TooltipSpan } from "./tooltipText";
import { useColorScheme } from "./useColorScheme";
import { useElementSize } from "./useElementSize";
import { useSwimlaneZoom } from "./useSwimlaneZoom";
import "./Swimlane.css";

/** Height of one lane (CSS px). */
const ROW_PX = 24;
/** Width of the label column (CSS px). */
const LABEL_PX = 160;
/** Height of the axis above the lanes (CSS px). */
const AXIS_PX = 28;
/** Roughly one axis tick per this many pixels. */
const TICK_SPACING_PX = 90;
/** Keyboard zoom factor per key press, and pan per arrow press (share of the view). */
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.1;

export interface SwimlaneProps {
  /** The run's trace; read, never written. */
  readonly store: TraceStore;
  /** `store.version` when rendered: a new value makes the swimlane re-read the store. */
  readonly version: number;
  readonly axis: Axis;
  /** Colours; defaults to the browser's preferred scheme. */
  readonly theme?: Theme;
}

/** What the painter reads: the last rendered props, kept outside React's render cycle. */
interface PaintInputs {
  readonly store: TraceStore;
  readonly lanes: readonly Lane[];
  readonly axis: Axis;
  readonly palette: Palette;
  readonly plotWidthPx: number;
  readonly canvasHeightPx: number;
}

/** What the last paint drew, for hit testing. */
interface Drawn {
  readonly rects: readonly SegmentRect[];
  readonly rows: readonly (readonly Span[])[];
  readonly lanes: readonly Lane[];
  readonly nameOf: (id: number) => string | undefined;
}

/**
 * Every task as a lane over virtual time (or steps): DOM labels on the left, segments on a canvas,
 * a d3 axis on top. Zoom with the wheel or +/-, pan by dragging or with the arrow keys, 0 resets.
 */
export function Swimlane({ store, version, axis, theme }: SwimlaneProps) {
  const preferred = useColorScheme();
  const palette = paletteFor(theme ?? preferred);
  // `version` is the memo key: the store mutates in place and bumps it.
  const lanes = useMemo(() => store.lanes(), [store, version]);

  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const { widthPx, heightPx } = useElementSize(areaRef);
  const plotWidthPx = Math.max(0, widthPx - LABEL_PX);
  const contentHeightPx = (lanes.length + 1) * ROW_PX;
  const canvasHeightPx = Math.max(ROW_PX, Math.min(contentHeightPx, heightPx - AXIS_PX));

  const inputs = useRef<PaintInputs>({ store, lanes, axis, palette, plotWidthPx, canvasHeightPx });
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const drawn = useRef<Drawn>({ rects: [], rows: [], lanes: [], nameOf: () => undefined });
  const frame = useRef(0);

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const area = areaRef.current;
    const p = inputs.current;
    if (canvas === null || area === null || p.plotWidthPx <= 0) return;
    const ctx = sizeCanvas(canvas, p.plotWidthPx, p.canvasHeightPx, window.devicePixelRatio || 1);
    if (ctx === null) return;
    const base = baseScale(p.axis, p.store.endTime, p.store.stepCount, p.plotWidthPx, LABEL_PX);
    const plot = scaleLinear().domain(transform.current.rescaleX(base).domain()).range([0, p.plotWidthPx]);
    const rows: (readonly Span[])[] = [loopActivity(p.store), ...p.lanes.map((l) => l.segments)];
    const scrollTopPx = area.scrollTop;
    const [firstRow, lastRow] = visibleRows(rows.length, ROW_PX, scrollTopPx, p.canvasHeightPx);
    const rects = layoutLanes(rows, plot, { axis: p.axis, rowPx: ROW_PX, widthPx: p.plotWidthPx, firstRow, lastRow, offsetYPx: scrollTopPx });
    const names = new Map<number, string>(p.lanes.map((l) => [l.id, l.name]));
    const nameOf = (id: number) => names.get(id);
    drawn.current = { rects, rows, lanes: p.lanes, nameOf };
    paintSwimlane(ctx, rects, {
      widthPx: p.plotWidthPx,
      heightPx: p.canvasHeightPx,
      devicePixelRatio: window.devicePixelRatio || 1,
      palette: p.palette,
      rowPx: ROW_PX,
      firstRow,
      lastRow,
      scrollTopPx,
      labelOf: (r) => {
        const span = rows[r.row]?.[r.index];
        return span === undefined ? "" : segmentLabel(span, nameOf);
      },
    });
    const g = axisRef.current;
    if (g !== null) {
      const tickCount = Math.max(2, Math.floor(p.plotWidthPx / TICK_SPACING_PX));
      const ticks = plot.ticks(tickCount);
      const axisGen = axisTop(plot).tickSizeOuter(0);
      if (p.axis === "time") {
        const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
        const formatTick = tickFormat(Math.max(...plot.domain().map(Math.abs)), step);
        axisGen.tickValues(ticks).tickFormat((v) => formatTick(Number(v)));
      } else {
        axisGen.tickValues(ticks.filter(Number.isInteger)).tickFormat(format("d"));
      }
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

  // Every render may bring a new version, axis, theme or size: hand them to the painter.
  useLayoutEffect(() => {
    inputs.current = { store, lanes, axis, palette, plotWidthPx, canvasHeightPx };
    schedulePaint();
  });

  const hideTooltip = useCallback(() => {
    if (tooltipRef.current !== null) tooltipRef.current.hidden = true;
  }, []);

  const handleZoom = useCallback(
    (next: ZoomTransform) => {
      transform.current = next;
      hideTooltip();
      schedulePaint();
    },
    [hideTooltip, schedulePaint],
  );
  const zoomControl = useSwimlaneZoom(areaRef, LABEL_PX, plotWidthPx, handleZoom);

  // A new run starts with the whole run in view.
  useEffect(() => zoomControl.reset(), [store, zoomControl]);

  const handlePointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    const tooltip = tooltipRef.current;
    if (canvas === null || tooltip === null) return;
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const inside = x >= 0 && y >= 0 && x < box.width && y < box.height;
    const hit = inside ? hitTest(drawn.current.rects, x, y) : undefined;
    const span = hit === undefined ? undefined : drawn.current.rows[hit.row]?.[hit.index];
    if (hit === undefined || span === undefined) {
      tooltip.hidden = true;
      return;
    }
    const lane = hit.row === 0 ? undefined : drawn.current.lanes[hit.row - 1];
    const owner = lane === undefined ? { name: "event loop" } : { name: lane.name, coro: lane.coro };
    tooltip.textContent = tooltipText(owner, span as TooltipSpan, drawn.current.nameOf);
    tooltip.style.left = `${event.clientX + 14}px`;
    tooltip.style.top = `${event.clientY + 14}px`;
    tooltip.hidden = false;
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const actions: Record<string, () => void> = {
      "+": () => zoomControl.zoomBy(KEY_ZOOM),
      "=": () => zoomControl.zoomBy(KEY_ZOOM),
      "-": () => zoomControl.zoomBy(1 / KEY_ZOOM),
      ArrowLeft: () => zoomControl.panBy(-KEY_PAN),
      ArrowRight: () => zoomControl.panBy(KEY_PAN),
      "0": () => zoomControl.reset(),
      Home: () => zoomControl.reset(),
    };
    const action = actions[event.key];
    if (action === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  // Shift+wheel scrolls the lanes vertically (a plain wheel zooms).
  const handleWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (!event.shiftKey || areaRef.current === null) return;
    areaRef.current.scrollTop += event.deltaY !== 0 ? event.deltaY : event.deltaX;
  };

  const style = {
    "--swimlane-bg": palette.background,
    "--swimlane-fg": palette.foreground,
    "--swimlane-separator": palette.separator,
  } as CSSProperties;

  return (
    <div
      ref={areaRef}
      className="swimlane"
      data-testid="swimlane"
      data-axis={axis}
      role="group"
      aria-label="Task swimlane"
      tabIndex={0}
      style={style}
      onPointerMove={handlePointerMove}
      onPointerLeave={hideTooltip}
      onScroll={() => {
        hideTooltip();
        schedulePaint();
      }}
      onKeyDown={handleKeyDown}
      onWheel={handleWheel}
    >
      <div className="swimlane-header" style={{ height: AXIS_PX }}>
        <div className="swimlane-corner" style={{ width: LABEL_PX }}>
          {axis === "time" ? "virtual time" : "steps"}
        </div>
        <svg className="swimlane-axis" width={plotWidthPx} height={AXIS_PX} aria-hidden="true">
          <g ref={axisRef} transform={`translate(0, ${AXIS_PX - 1})`} />
        </svg>
      </div>
      <div className="swimlane-body">
        <div className="swimlane-labels" style={{ width: LABEL_PX }}>
          <div
            className="swimlane-label swimlane-label-loop"
            data-testid="loop-lane"
            title="event loop: running a task, idle, or blocked by one"
            style={{ height: ROW_PX, lineHeight: `${ROW_PX}px` }}
          >
            event loop
          </div>
          {lanes.map((lane) => (
            <div
              key={lane.id}
              className="swimlane-label"
              data-testid="lane"
              data-task={lane.name}
              data-final-state={lane.finalState}
              data-lane-kind={lane.kind}
              title={`${lane.name} (${lane.coro})`}
              style={{ height: ROW_PX, lineHeight: `${ROW_PX}px` }}
            >
              {lane.name}
            </div>
          ))}
        </div>
        <div className="swimlane-plot" style={{ width: plotWidthPx, height: contentHeightPx }}>
          <canvas ref={canvasRef} className="swimlane-canvas" style={{ top: AXIS_PX }} />
        </div>
      </div>
      <div ref={tooltipRef} className="swimlane-tooltip" role="tooltip" hidden />
    </div>
  );
}
