import { useEffect, useRef, useState } from "react";
import { LIVE_REFRESH_MS } from "../../store";

/**
 * `value`, but while `live` it changes at most once per `intervalMs` (the latest value wins, after
 * the interval, in a timer task of its own); once not live it follows at once. For views whose derivation walks every lane
 * (the await tree, the inspector), so a big run streaming in or playing back does not recompute
 * them on every batch or frame.
 */
export function useThrottled<T>(value: T, live: boolean, intervalMs = LIVE_REFRESH_MS): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (!live) return;
    const wait = lastAt.current + intervalMs - performance.now();
    const show = () => {
      lastAt.current = performance.now();
      setShown(() => value);
    };
    // Even when due at once, in a task of its own: the view's pass over every lane should not
    // lengthen the task that brought the new value (e.g. the trace's render as a batch is shown).
    const timer = setTimeout(show, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [value, live, intervalMs]);
  return live ? shown : value;
}
