import { useCallback, useEffect, useRef, type MutableRefObject, type PointerEvent } from "react";
import { concurrencyInView, liveConcurrency, resampleLive, type ConcurrencyBins } from "../../model/concurrency";
import type { TraceStore } from "../../model/traceStore";
import { fullDomain, type Axis } from "./geometry";
import { sizeCanvas } from "./paint";
import type { Palette } from "./palette";
import { useSwimlaneWords } from "./useSwimlaneWords";

/** Height of the concurrency chart and of the overview under it (CSS px). */
const CHART_PX = 40;
const OVERVIEW_PX = 16;

export interface ConcurrencyStripProps {
  readonly store: TraceStore;
  readonly version: number;
  readonly axis: Axis;
  readonly palette: Palette;
  readonly labelWidthPx: number;
  readonly plotWidthPx: number;
  /** The swimlane sets this to the strip's painter and calls it with the shown domain after each paint. */
  readonly painterRef: MutableRefObject<((shown: readonly [number, number]) => void) | null>;
  /** Moves the swimlane's view to this domain (axis units). */
  readonly onShowDomain: (domain: readonly [number, number]) => void;
}

/** Stacked running / ready / waiting columns, one per CSS pixel, scaled so `peak` fills the height. */
function paintStack(ctx: CanvasRenderingContext2D, bins: ConcurrencyBins, widthPx: number, heightPx: number, palette: Palette, peak: number): void {
  ctx.fillStyle = palette.stripe;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const scale = (heightPx - 2) / Math.max(1, peak);
  const layers = [bins.running, bins.ready, bins.waiting] as const;
  const colours = [palette.fill.running, palette.fill.ready, palette.fill.waiting];
  const n = bins.running.length;
  const columnPx = widthPx / n;
  for (let layer = 0; layer < 3; layer++) {
    ctx.fillStyle = colours[layer]!;
    for (let i = 0; i < n; i++) {
      const v = layers[layer]![i]!;
      if (v <= 0) continue;
      let below = 0;
      for (let k = 0; k < layer; k++) below += layers[k]![i]!;
      ctx.fillRect(i * columnPx, heightPx - (below + v) * scale, columnPx, v * scale);
    }
  }
}

/**
 * Under the lanes: how many tasks were running, ready and waiting in the range the lanes show
 * (x aligned with them, so it follows zoom and pan), and under it an overview of the whole run
 * with the shown range framed; click or drag on the overview to move the view there.
 */
export function ConcurrencyStrip({ store, version, axis, palette, labelWidthPx, plotWidthPx, painterRef, onShowDomain }: ConcurrencyStripProps) {
  const { t, state } = useSwimlaneWords();
  const chartRef = useRef<HTMLCanvasElement>(null);
  const overviewRef = useRef<HTMLCanvasElement>(null);
  const peakRef = useRef<HTMLSpanElement>(null);
  const shown = useRef<readonly [number, number]>([0, 1]);
  const props = useRef({ store, version, axis, palette, plotWidthPx, t });
  props.current = { store, version, axis, palette, plotWidthPx, t };
  const drag = useRef<{ readonly offset: number } | undefined>(undefined);

  const paint = useCallback((domain: readonly [number, number]) => {
    shown.current = domain;
    const chart = chartRef.current;
    const overview = overviewRef.current;
    const p = props.current;
    if (chart === null || overview === null || p.plotWidthPx <= 0) return;
    const [from, to] = fullDomain(p.axis, p.store.endTime, p.store.stepCount);
    const live = liveConcurrency(p.store, p.axis);
    const end = p.axis === "time" ? p.store.endTime : p.store.stepCount;
    const dpr = window.devicePixelRatio || 1;
    const columns = Math.max(1, Math.round(p.plotWidthPx));

    // The chart: the shown range, aligned with the lanes above.
    const ctx = sizeCanvas(chart, p.plotWidthPx, CHART_PX, dpr);
    if (ctx === null) return;
    const inView = concurrencyInView(live, p.store, p.axis, end, domain[0], domain[1], columns);
    paintStack(ctx, inView, p.plotWidthPx, CHART_PX, p.palette, inView.peak);
    const peak = Math.round(inView.peak * 10) / 10;
    if (peakRef.current !== null) peakRef.current.textContent = p.t("swimlane.concurrency.peak", { n: peak });
    chart.dataset.peak = String(inView.peak);
    chart.dataset.from = String(domain[0]);
    chart.dataset.to = String(domain[1]);

    // The overview: the whole run, the shown range framed, the rest veiled.
    const octx = sizeCanvas(overview, p.plotWidthPx, OVERVIEW_PX, dpr);
    if (octx === null) return;
    const whole = resampleLive(live, end, from, to, columns);
    paintStack(octx, whole, p.plotWidthPx, OVERVIEW_PX, p.palette, whole.peak);
    const toX = (v: number) => ((v - from) / (to - from)) * p.plotWidthPx;
    const x0 = Math.max(0, toX(domain[0]));
    const x1 = Math.min(p.plotWidthPx, toX(domain[1]));
    octx.fillStyle = p.palette.veil;
    octx.fillRect(0, 0, x0, OVERVIEW_PX);
    octx.fillRect(x1, 0, p.plotWidthPx - x1, OVERVIEW_PX);
    octx.strokeStyle = p.palette.foreground;
    octx.lineWidth = 1;
    octx.strokeRect(Math.round(x0) + 0.5, 0.5, Math.max(1, Math.round(x1 - x0) - 1), OVERVIEW_PX - 1);
    overview.dataset.peak = String(whole.peak);
  }, []);

  useEffect(() => {
    painterRef.current = paint;
    return () => {
      painterRef.current = null;
    };
  }, [painterRef, paint]);

  const domainAt = (event: PointerEvent<HTMLCanvasElement>): number => {
    const box = event.currentTarget.getBoundingClientRect();
    const [from, to] = fullDomain(axis, store.endTime, store.stepCount);
    return from + ((event.clientX - box.left) / Math.max(1, box.width)) * (to - from);
  };
  const moveTo = (centre: number) => {
    const [a, b] = shown.current;
    const [from, to] = fullDomain(axis, store.endTime, store.stepCount);
    const width = Math.min(b - a, to - from);
    const start = Math.min(Math.max(centre - width / 2, from), to - width);
    onShowDomain([start, start + width]);
  };
  const handlePointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = domainAt(event);
    const [a, b] = shown.current;
    drag.current = { offset: at >= a && at <= b ? at - (a + b) / 2 : 0 };
    moveTo(at - drag.current.offset);
  };
  const handlePointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drag.current !== undefined) moveTo(domainAt(event) - drag.current.offset);
  };
  const handlePointerUp = () => {
    drag.current = undefined;
  };

  return (
    <div className="swimlane-strip" data-testid="concurrency-strip">
      <div className="swimlane-strip__row">
        <div className="swimlane-strip__legend" style={{ width: labelWidthPx }}>
          <span>
            {t("swimlane.concurrency")}, <span ref={peakRef} className="swimlane-strip__peak" />
          </span>
          <span>
            <i style={{ background: palette.fill.running }} /> {state("running")} <i style={{ background: palette.fill.ready }} /> {state("ready")}{" "}
            <i style={{ background: palette.fill.waiting }} /> {state("waiting")}
          </span>
        </div>
        <canvas ref={chartRef} className="swimlane-strip__chart" data-testid="concurrency-chart" role="img" aria-label={t("swimlane.concurrency.aria")} />
      </div>
      <div className="swimlane-strip__row">
        <div className="swimlane-strip__legend swimlane-strip__legend--overview" style={{ width: labelWidthPx }}>
          {t("swimlane.overview")}
        </div>
        <canvas
          ref={overviewRef}
          className="swimlane-strip__canvas"
          data-testid="overview"
          role="img"
          aria-label={t("swimlane.overview.aria")}
          onPointerDown={handlePointerDown}
          onPointerMove={handlePointerMove}
          onPointerUp={handlePointerUp}
          onPointerCancel={handlePointerUp}
        />
      </div>
    </div>
  );
}
