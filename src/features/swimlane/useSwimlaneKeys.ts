/**
 * The swimlane's keyboard and horizontal-wheel navigation, on top of its d3 zoom: W/S/+/- zoom,
 * A/D/arrows pan, F/0/Home fit, Escape deselects; a sideways wheel (trackpad swipe, Shift+wheel)
 * pans. A pan by hand stops following a live run (`onPan`).
 */
import type { KeyboardEvent, WheelEvent } from "react";
import type { SwimlaneZoom } from "./useSwimlaneZoom";

/** Keyboard zoom factor per key press, and pan per key press (share of the view). */
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.15;

export interface SwimlaneKeyActions {
  readonly zoom: SwimlaneZoom;
  /** Shows the whole run. */
  readonly onFit: () => void;
  /** The user panned by hand. */
  readonly onPan: () => void;
  /** Escape: clear the selection. */
  readonly onDeselect: () => void;
}

export interface SwimlaneKeys {
  readonly handleKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  readonly handleWheel: (event: WheelEvent<HTMLDivElement>) => void;
}

export function useSwimlaneKeys({ zoom, onFit, onPan, onDeselect }: SwimlaneKeyActions): SwimlaneKeys {
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pan = (share: number) => {
      onPan();
      zoom.panBy(share);
    };
    const actions: Record<string, () => void> = {
      "+": () => zoom.zoomBy(KEY_ZOOM),
      "=": () => zoom.zoomBy(KEY_ZOOM),
      "-": () => zoom.zoomBy(1 / KEY_ZOOM),
      w: () => zoom.zoomBy(KEY_ZOOM),
      s: () => zoom.zoomBy(1 / KEY_ZOOM),
      a: () => pan(-KEY_PAN),
      d: () => pan(KEY_PAN),
      ArrowLeft: () => pan(-KEY_PAN),
      ArrowRight: () => pan(KEY_PAN),
      f: onFit,
      "0": onFit,
      Home: onFit,
      Escape: onDeselect,
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
      onPan();
      zoom.panByPx(dx);
    }
  };

  return { handleKeyDown, handleWheel };
}
