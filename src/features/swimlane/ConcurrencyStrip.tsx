import { useCallback, useEffect, useRef, type MutableRefObject, type PointerEvent } from "react";
import { liveConcurrency } from "../../model/concurrency";
import type { TraceStore } from "../../model/traceStore";
import { fullDomain, type Axis } from "./geometry";
import { sizeCanvas } from "./paint";
import type { Palette } from "./palette";

/** Height of the strip's chart (CSS px). */
const STRIP_PX = 40;

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

/**
 * Under the lanes: how many tasks were running, ready and waiting over the whole run (stacked),
 * with the swimlane's current view as a window; click or drag on it to move the view there.
 */
export function ConcurrencyStrip({ store, version, axis, palette, labelWidthPx, plotWidthPx, painterRef, onShowDomain }: ConcurrencyStripProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const peakRef = useRef<HTMLSpanElement>(null);
  const shown = useRef<readonly [number, number]>([0, 1]);
  const props = useRef({ store, version, axis, palette, plotWidthPx });
  props.current = { store, version, axis, palette, plotWidthPx };
  const drag = useRef<{ readonly offset: number } | undefined>(undefined);

  const paint = useCallback((domain: readonly [number, number]) => {
    shown.current = domain;
    const canvas = canvasRef.current;
    const p = props.current;
    if (canvas === null || p.plotWidthPx <= 0) return;
    const [from, to] = fullDomain(p.axis, p.store.endTime, p.store.stepCount);
    const live = liveConcurrency(p.store, p.axis);
    const end = p.axis === "time" ? p.store.endTime : p.store.stepCount;
    const dpr = window.devicePixelRatio || 1;
    const ctx = sizeCanvas(canvas, p.plotWidthPx, STRIP_PX, dpr);
    if (ctx === null) return;
    ctx.fillStyle = p.palette.stripe;
    ctx.fillRect(0, 0, p.plotWidthPx, STRIP_PX);
    const toX = (v: number) => ((v - from) / (to - from)) * p.plotWidthPx;
    // Average tasks per state in each bin; after `until`, the current counts hold to the end.
    const w = live.binWidth;
    const used = Math.min(live.running.length, Math.ceil(live.until / w));
    const averages: [number, number, number, number, number][] = [];
    for (let i = 0; i < used; i++) {
      const a = i * w;
      const b = Math.min((i + 1) * w, live.until);
      const span = b - a;
      if (span <= 0) continue;
      averages.push([a, b, live.running[i]! / span, live.ready[i]! / span, live.waiting[i]! / span]);
    }
    if (end > live.until) averages.push([live.until, end, ...live.current]);
    let peak = 0;
    for (const [, , r, q, wt] of averages) peak = Math.max(peak, r + q + wt);
    const scale = (STRIP_PX - 2) / Math.max(1, peak);
    const colours = [p.palette.fill.running, p.palette.fill.ready, p.palette.fill.waiting];
    for (let layer = 0; layer < 3; layer++) {
      ctx.fillStyle = colours[layer]!;
      for (const entry of averages) {
        const v = entry[2 + layer]!;
        if (v <= 0) continue;
        let below = 0;
        for (let k = 0; k < layer; k++) below += entry[2 + k]!;
        const x0 = toX(entry[0]);
        const x1 = Math.max(x0 + 1, toX(entry[1]));
        ctx.fillRect(x0, STRIP_PX - (below + v) * scale, x1 - x0, v * scale);
      }
    }
    // The view's window: everything outside it is veiled.
    const x0 = Math.max(0, toX(domain[0]));
    const x1 = Math.min(p.plotWidthPx, toX(domain[1]));
    ctx.fillStyle = p.palette.veil;
    ctx.fillRect(0, 0, x0, STRIP_PX);
    ctx.fillRect(x1, 0, p.plotWidthPx - x1, STRIP_PX);
    ctx.strokeStyle = p.palette.foreground;
    ctx.lineWidth = 1;
    ctx.strokeRect(Math.round(x0) + 0.5, 0.5, Math.max(1, Math.round(x1 - x0) - 1), STRIP_PX - 1);
    if (peakRef.current !== null) peakRef.current.textContent = `peak ${Math.round(peak * 10) / 10} tasks`;
    canvas.dataset.peak = String(peak);
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
      <div className="swimlane-strip__legend" style={{ width: labelWidthPx }}>
        <span>
          concurrency, <span ref={peakRef} className="swimlane-strip__peak" />
        </span>
        <span>
          <i style={{ background: palette.fill.running }} /> running <i style={{ background: palette.fill.ready }} /> ready{" "}
          <i style={{ background: palette.fill.waiting }} /> waiting
        </span>
      </div>
      <canvas
        ref={canvasRef}
        className="swimlane-strip__canvas"
        role="img"
        aria-label="Concurrency over the whole run: tasks running, ready and waiting; the framed part is in view. Click or drag to move the view."
        onPointerDown={handlePointerDown}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
        onPointerCancel={handlePointerUp}
      />
    </div>
  );
}
