/**
 * The page's keyboard shortcuts, as a pure decision from a key event to an action, so the rules
 * (which keys, and when typing must win) are testable without a browser.
 */
import type { MessageKey } from "../features/i18n";

export type ShortcutAction = "run" | "stop" | "share" | "help";

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The event target is a text field or the code editor: plain keys are typing there. */
  readonly inTextField: boolean;
  /** A dialog is open: Esc closes it instead of stopping the run. */
  readonly dialogOpen: boolean;
  /** The focus is in a widget that uses Esc itself (the swimlane clears its selection). */
  readonly ownsEscape: boolean;
  readonly isMac: boolean;
}

export function shortcutFor(input: KeyInput): ShortcutAction | undefined {
  const mod = input.isMac ? input.metaKey : input.ctrlKey;
  if (mod && !input.altKey && input.key === "Enter") return "run";
  if (mod && !input.altKey && (input.key === "s" || input.key === "S")) return "share";
  if (input.key === "Escape" && !input.dialogOpen && !input.ownsEscape) return "stop";
  if (input.key === "?" && !input.inTextField && !input.ctrlKey && !input.metaKey && !input.altKey && !input.dialogOpen) return "help";
  return undefined;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** "⌘" on Apple keyboards, "Ctrl" elsewhere. */
export function modKey(): string {
  return isMacPlatform() ? "⌘" : "Ctrl";
}

/**
 * What the `?` help lists: the page's shortcuts and the playback keys (features/playback's
 * usePlaybackKeys: they work while the focus is not in the code or a field that uses them).
 */
export function helpRows(mod: string): readonly (readonly [keys: string, what: MessageKey])[] {
  return [
    [`${mod}+Enter`, "help.run"],
    ["Esc", "help.stop"],
    [`${mod}+S`, "help.share"],
    ["Space", "help.playPause"],
    ["← / →", "help.step"],
    ["Home / End", "help.jump"],
    ["?", "help.help"],
  ];
}
