import { useEffect } from "react";
import { useAppStoreApi } from "../../store";

/** Where a key press belongs to the control under focus, not to playback. */
function isOwnedByFocus(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest("input, select, textarea, button, [contenteditable], .monaco-editor, [data-testid=swimlane]") !== null;
}

/** Space plays/pauses, ←/→ step between events, Home/End jump — unless the focus owns the key. */
export function usePlaybackKeys(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isOwnedByFocus(event.target)) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        " ": s.togglePlay,
        ArrowRight: s.stepForward,
        ArrowLeft: s.stepBack,
        Home: s.jumpToStart,
        End: s.jumpToEnd,
      };
      const action = actions[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);
}
