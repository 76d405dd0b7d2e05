import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from "d3";
import { useEffect, useRef, type RefObject } from "react";

/** How far the view may zoom in (×) from the whole run. */
export const MAX_ZOOM = 10_000;

export interface SwimlaneZoom {
  /** Zooms by `factor` around the plot's centre. */
  zoomBy(factor: number): void;
  /** Pans by a share of the plot width (negative = left). */
  panBy(share: number): void;
  /** Back to the whole run. */
  reset(): void;
}

/**
 * Attaches d3-zoom to the swimlane area: the wheel zooms the x-axis, a drag pans it. Only x
 * matters; the area scrolls vertically by itself (shift+wheel or its scrollbar). Coordinates are
 * the area's own, so the plot spans [plotLeftPx, plotLeftPx + plotWidthPx] of it.
 */
export function useSwimlaneZoom(
  target: RefObject<HTMLElement | null>,
  plotLeftPx: number,
  plotWidthPx: number,
  onZoom: (transform: ZoomTransform) => void,
): SwimlaneZoom {
  const behaviour = useRef<ZoomBehavior<HTMLElement, unknown> | null>(null);
  const geometry = useRef({ plotLeftPx, plotWidthPx });
  geometry.current = { plotLeftPx, plotWidthPx };
  const handlers = useRef<SwimlaneZoom | null>(null);

  useEffect(() => {
    const element = target.current;
    if (element === null) return;
    const selection = select(element);
    const extent = (): [[number, number], [number, number]] => {
      const { plotLeftPx: left, plotWidthPx: width } = geometry.current;
      return [
        [left, 0],
        [left + Math.max(1, width), Math.max(1, element.clientHeight)],
      ];
    };
    const z = zoom<HTMLElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent(extent)
      .translateExtent([
        [geometry.current.plotLeftPx, -Infinity],
        [geometry.current.plotLeftPx + Math.max(1, geometry.current.plotWidthPx), Infinity],
      ])
      // Shift+wheel scrolls the lanes instead; right/middle buttons are left to the browser.
      .filter((event: Event) => {
        if (event.type === "wheel") return !(event as WheelEvent).shiftKey;
        return !(event as MouseEvent).button;
      })
      .on("zoom", (event: { transform: ZoomTransform }) => onZoom(event.transform));
    behaviour.current = z;
    selection.call(z);
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
    handlers.current = {
      zoomBy: (factor) =>
        withZoom((z, element) => {
          const { plotLeftPx: left, plotWidthPx: width } = geometry.current;
          z.scaleBy(select(element), factor, [left + width / 2, 0]);
        }),
      panBy: (share) =>
        withZoom((z, element) => {
          // translateBy works in zoomed units: divide by the scale to pan by screen pixels.
          const k = zoomTransform(element).k;
          z.translateBy(select(element), (-share * geometry.current.plotWidthPx) / k, 0);
        }),
      reset: () => withZoom((z, element) => z.transform(select(element), zoomIdentity)),
    };
  }
  return handlers.current;
}
