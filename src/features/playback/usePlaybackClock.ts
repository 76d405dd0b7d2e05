import { useEffect } from "react";
import { selectIsPlaying, useAppStore, useAppStoreApi } from "../../store";

/** While playing, advances the cursor once per animation frame by the real time that passed. */
export function usePlaybackClock(): void {
  const store = useAppStoreApi();
  const isPlaying = useAppStore(selectIsPlaying);
  useEffect(() => {
    if (!isPlaying) return;
    let frame = 0;
    let last = performance.now();
    const advance = (now: number) => {
      store.getState().tick(now - last);
      last = now;
      frame = requestAnimationFrame(advance);
    };
    frame = requestAnimationFrame(advance);
    return () => cancelAnimationFrame(frame);
  }, [isPlaying, store]);
}
