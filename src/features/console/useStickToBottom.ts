/**
 * Keeps a scrolling element pinned to its end as its content grows, unless the user has scrolled
 * up to read; scrolling back to the end pins it again, and so does a change of `pinKey` (a new
 * run, an error to show). Returns the element's scroll handler.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from "react";

/** Within this distance of the end counts as "at the end" (rounding, partial last lines). */
const STICK_THRESHOLD_PX = 24;

/**
 * `content` changes whenever what the element shows may have grown (e.g. its lines array). Only
 * then does it scroll: reading `scrollHeight` lays out the whole page at once, and the owner also
 * renders for other reasons (the console for every move of the playback cursor, ten times a second
 * while a run streams in), each of which would have paid for that layout.
 */
export function useStickToBottom(element: RefObject<HTMLElement | null>, pinKey: string, content: unknown): () => void {
  const stuck = useRef(true);
  const lastPinKey = useRef(pinKey);

  useLayoutEffect(() => {
    if (lastPinKey.current !== pinKey) {
      lastPinKey.current = pinKey;
      stuck.current = true;
    }
    const el = element.current;
    if (el !== null && stuck.current) el.scrollTop = el.scrollHeight;
  }, [element, pinKey, content]);

  return useCallback(() => {
    const el = element.current;
    if (el === null) return;
    stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_THRESHOLD_PX;
  }, [element]);
}
