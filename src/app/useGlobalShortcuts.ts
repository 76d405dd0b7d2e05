/** Listens for the page's shortcuts anywhere on the page (see ./shortcuts.ts for the rules). */
import { useEffect, useRef } from "react";
import { isMacPlatform, shortcutFor, type ShortcutAction } from "./shortcuts";

export function useGlobalShortcuts(onAction: (action: ShortcutAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    const isMac = isMacPlatform();
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented && event.key !== "Enter") return;
      const target = event.target instanceof Element ? event.target : null;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: target !== null && target.closest("input, textarea, select, [contenteditable=true], .monaco-editor") !== null,
        dialogOpen: document.querySelector("dialog[open]") !== null,
        ownsEscape: target !== null && target.closest("[data-testid=swimlane]") !== null,
        isMac,
      });
      if (action === undefined) return;
      if (action !== "stop") event.preventDefault();
      handler.current(action);
    };
    // Capture, so Monaco's own key handling cannot swallow Ctrl+S before we see it.
    window.addEventListener("keydown", handleKeyDown, true);
    return () => window.removeEventListener("keydown", handleKeyDown, true);
  }, []);
}
