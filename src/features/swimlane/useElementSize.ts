import { useLayoutEffect, useState, type RefObject } from "react";

export interface ElementSize {
  /** CSS pixels of the element's content box. */
  readonly widthPx: number;
  readonly heightPx: number;
}

/** The element's client size, updated by a ResizeObserver. */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ widthPx: 0, heightPx: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () =>
      setSize((prev) =>
        prev.widthPx === element.clientWidth && prev.heightPx === element.clientHeight
          ? prev
          : { widthPx: element.clientWidth, heightPx: element.clientHeight },
      );
    measure();
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
