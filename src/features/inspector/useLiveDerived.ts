import { useEffect, useMemo, useRef, useState } from "react";
import { LIVE_REFRESH_MS } from "../../store";

/** A derived value and when it was derived (newest wins). */
interface Derived<R> {
  readonly seq: number;
  readonly value: R;
}

let nextSeq = 0;

/**
 * `derive(value)`, for views whose derivation walks every lane (the await tree). Once not `live`
 * it is derived in render, at once. While `live` (a run streams in or plays) it is derived at most
 * once per `intervalMs`, in a timer task of its own — not in the render that brought the new
 * `value` (a batch shown, a frame's cursor), which it would lengthen — and the last result is
 * shown meanwhile. `derive` should be a pure function of `value`.
 */
export function useLiveDerived<T, R>(value: T, live: boolean, derive: (value: T) => R, intervalMs = LIVE_REFRESH_MS): R {
  const deriveRef = useRef(derive);
  deriveRef.current = derive;
  // Keyed on `value` only: `derive` is a pure function of it (a new closure each render is fine).
  const settled = useMemo<Derived<R> | undefined>(() => (live ? undefined : { seq: nextSeq++, value: deriveRef.current(value) }), [live, value]);
  const [streamed, setStreamed] = useState<Derived<R>>(() => settled ?? { seq: nextSeq++, value: derive(value) });
  const lastAt = useRef(0);
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(
      () => {
        lastAt.current = performance.now();
        setStreamed({ seq: nextSeq++, value: deriveRef.current(value) });
      },
      Math.max(0, lastAt.current + intervalMs - performance.now()),
    );
    return () => clearTimeout(timer);
  }, [value, live, intervalMs]);
  // Going live keeps showing what was last derived, whichever way (a stale streamed value would
  // flash back for up to `intervalMs`).
  const lastSettled = useRef<Derived<R> | undefined>(settled);
  if (settled !== undefined) {
    lastSettled.current = settled;
    return settled.value;
  }
  const kept = lastSettled.current;
  return kept !== undefined && kept.seq > streamed.seq ? kept.value : streamed.value;
}
