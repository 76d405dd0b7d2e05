import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from "d3";
import { useEffect, useRef, type RefObject } from "react";
import type { ZoomNumbers } from "./geometry";

/** How far the view may zoom in (×) from the whole run. */
export const MAX_ZOOM = 1_000_000;

/** What caused a zoom event: a drag that panned, any other gesture or key, or our own sync. */
export type ZoomCause = "pan" | "zoom";

export interface SwimlaneZoom {
  /** Zooms by `factor` around the plot's centre. */
  zoomBy(factor: number): void;
  /** Pans by a share of the plot width (negative = left). */
  panBy(share: number): void;
  /** Pans by screen pixels (negative = left). */
  panByPx(px: number): void;
  /** Back to the whole run. */
  reset(): void;
  /** Sets the transform without reporting it (the view moved for another reason, e.g. a live run grew). */
  sync(t: ZoomNumbers): void;
}

/**
 * Attaches d3-zoom to the swimlane area: Ctrl/⌘+wheel and trackpad pinch (Chrome reports it as a
 * wheel with ctrlKey) zoom the x-axis, touch pinch zooms, a drag pans. A plain wheel is left to the
 * browser, which scrolls the lanes. Drags starting on the axis (range zoom) or on a button are not
 * taken. Coordinates are the area's own, so the plot spans [plotLeftPx, plotLeftPx + plotWidthPx].
 */
export function useSwimlaneZoom(
  target: RefObject<HTMLElement | null>,
  plotLeftPx: number,
  plotWidthPx: number,
  onZoom: (transform: ZoomTransform, cause: ZoomCause) => void,
): SwimlaneZoom {
  const behaviour = useRef<ZoomBehavior<HTMLElement, unknown> | null>(null);
  const geometry = useRef({ plotLeftPx, plotWidthPx });
  geometry.current = { plotLeftPx, plotWidthPx };
  const handlers = useRef<SwimlaneZoom | null>(null);
  const syncing = useRef(false);

  useEffect(() => {
    const element = target.current;
    if (element === null) return;
    const selection = select(element);
    // The zoom is x-only and its y translation unbounded, so the extent's height does not matter:
    // reading the element's clientHeight here laid out the page on every zoom event.
    const extent = (): [[number, number], [number, number]] => {
      const { plotLeftPx: left, plotWidthPx: width } = geometry.current;
      return [
        [left, 0],
        [left + Math.max(1, width), 1],
      ];
    };
    const z = zoom<HTMLElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent(extent)
      .translateExtent([
        [geometry.current.plotLeftPx, -Infinity],
        [geometry.current.plotLeftPx + Math.max(1, geometry.current.plotWidthPx), Infinity],
      ])
      .filter((event: Event) => {
        if (event.type === "wheel") return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        const origin = event.target instanceof Element ? event.target : null;
        if (origin?.closest(".swimlane-header, button, input") != null) return false;
        return !(event as MouseEvent).button;
      })
      .on("zoom", (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        if (syncing.current) return;
        const type = event.sourceEvent?.type ?? "";
        onZoom(event.transform, type === "mousemove" || (type === "touchmove" && (event.sourceEvent as TouchEvent).touches.length === 1) ? "pan" : "zoom");
      });
    behaviour.current = z;
    selection.call(z).on("dblclick.zoom", null);
    return () => {
      selection.on(".zoom", null);
      behaviour.current = null;
    };
  }, [target, onZoom]);

  // The translate extent follows the plot's size.
  useEffect(() => {
    behaviour.current?.translateExtent([
      [plotLeftPx, -Infinity],
      [plotLeftPx + Math.max(1, plotWidthPx), Infinity],
    ]);
  }, [plotLeftPx, plotWidthPx]);

  if (handlers.current === null) {
    const withZoom = (f: (z: ZoomBehavior<HTMLElement, unknown>, element: HTMLElement) => void) => {
      const z = behaviour.current;
      const element = target.current;
      if (z !== null && element !== null) f(z, element);
    };
    const panByPx = (px: number) =>
      withZoom((z, element) => {
        // translateBy works in zoomed units: divide by the scale to pan by screen pixels.
        const k = zoomTransform(element).k;
        z.translateBy(select(element), -px / k, 0);
      });
    handlers.current = {
      zoomBy: (factor) =>
        withZoom((z, element) => {
          const { plotLeftPx: left, plotWidthPx: width } = geometry.current;
          z.scaleBy(select(element), factor, [left + width / 2, 0]);
        }),
      panBy: (share) => panByPx(share * geometry.current.plotWidthPx),
      panByPx,
      reset: () => withZoom((z, element) => z.transform(select(element), zoomIdentity)),
      sync: (t) =>
        withZoom((z, element) => {
          const now = zoomTransform(element);
          if (Math.abs(now.k - t.k) <= 1e-9 * t.k && Math.abs(now.x - t.x) < 0.01) return;
          syncing.current = true;
          try {
            z.transform(select(element), zoomIdentity.translate(t.x, 0).scale(t.k));
          } finally {
            syncing.current = false;
          }
        }),
    };
  }
  return handlers.current;
}
