/**
 * The program text. The editor owns the live text; the store keeps a copy that trails it by a
 * debounce, plus a way to read the live text at once (for Run and `window.taskline.getSource()`).
 */
import type { StateCreator } from "zustand/vanilla";
import type { AppState } from "./appState";
import { DEFAULT_SOURCE } from "./defaultSource";

export interface EditorSlice {
  /** The program text as of the last (debounced) edit or load. */
  readonly source: string;
  /**
   * Bumped whenever `source` is replaced from outside the editor (a share link, an example), so
   * the editor knows to `setValue` instead of treating it as its own edit echoing back.
   */
  readonly sourceLoadId: number;
  /** Reads the editor's live text; set while an editor is mounted. */
  readonly sourceReader: (() => string) | undefined;
  /** The editor reports an edit. */
  setSource: (source: string) => void;
  /** Replaces the program from outside the editor. */
  loadSource: (source: string) => void;
  attachSourceReader: (reader: (() => string) | undefined) => void;
  /** The editor's text right now (not the debounced copy). */
  currentSource: () => string;
  /** A line someone asked the editor to show (a traceback frame); `seq` makes repeats count. */
  readonly revealRequest: { readonly line: number; readonly seq: number } | undefined;
  revealLine: (line: number) => void;
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => ({
  source: DEFAULT_SOURCE,
  sourceLoadId: 0,
  sourceReader: undefined,
  setSource: (source) => set({ source }),
  loadSource: (source) => set((s) => ({ source, sourceLoadId: s.sourceLoadId + 1 })),
  attachSourceReader: (reader) => set({ sourceReader: reader }),
  currentSource: () => {
    const { sourceReader, source } = get();
    return sourceReader === undefined ? source : sourceReader();
  },
  revealRequest: undefined,
  revealLine: (line) => set((s) => ({ revealRequest: { line, seq: (s.revealRequest?.seq ?? 0) + 1 } })),
});
