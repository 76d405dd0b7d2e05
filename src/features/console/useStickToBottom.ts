/**
 * Keeps a scrolling element pinned to its end as its content grows, unless the user has scrolled
 * up to read; scrolling back to the end pins it again, and so does a change of `pinKey` (a new
 * run, an error to show). Returns the element's scroll handler.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from "react";

/** Within this distance of the end counts as "at the end" (rounding, partial last lines). */
const STICK_THRESHOLD_PX = 24;

export function useStickToBottom(element: RefObject<HTMLElement | null>, pinKey: string): () => void {
  const stuck = useRef(true);
  const lastPinKey = useRef(pinKey);

  // After every render of the owner (it renders when its content changed).
  useLayoutEffect(() => {
    if (lastPinKey.current !== pinKey) {
      lastPinKey.current = pinKey;
      stuck.current = true;
    }
    const el = element.current;
    if (el !== null && stuck.current) el.scrollTop = el.scrollHeight;
  });

  return useCallback(() => {
    const el = element.current;
    if (el === null) return;
    stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_THRESHOLD_PX;
  }, [element]);
}
