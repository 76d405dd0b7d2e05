/**
 * Whose program is in the editor. The person's own **draft** is autosaved; a program opened from a
 * link or the examples gallery goes into a separate **borrowed** buffer, so it never overwrites the
 * draft. While a borrowed program is shown, `draftSource` holds the draft; "back to my draft" puts
 * it back, "keep as my draft" makes the borrowed program the draft (autosave keeps the old one in
 * its history). Also the autosave's status, which `features/autosave` reports here.
 */
import type { StateCreator } from "zustand/vanilla";
import type { AppState } from "./appState";

/** Where a borrowed program came from. */
export type BorrowedOrigin =
  | { readonly kind: "link"; /** Example id the link named (`ex`), if any. */ readonly exampleId: string | undefined }
  | { readonly kind: "example"; readonly exampleId: string };

export type EditorBuffer = { readonly kind: "draft" } | { readonly kind: "borrowed"; readonly origin: BorrowedOrigin };

/** One earlier version of the draft, restorable from the history menu. */
export interface DraftVersion {
  readonly source: string;
  /** Wall-clock milliseconds since the epoch (Date.now()) when it was saved. */
  readonly savedAtMs: number;
}

/** Whether the draft is being saved, and if not, why. */
export type AutosaveStatus =
  | { readonly kind: "on" }
  /** Storage refused (full, blocked, private mode); the app works, the draft is not kept. */
  | { readonly kind: "off"; readonly reason: "unavailable" | "full" }
  /** Another tab saved its draft; saving here pauses until the person picks one. */
  | { readonly kind: "conflict"; readonly otherSource: string };

export interface DraftSlice {
  readonly buffer: EditorBuffer;
  /** The draft while a borrowed program is in the editor; meaningless while `buffer` is the draft. */
  readonly draftSource: string;
  readonly autosave: AutosaveStatus;
  /** Earlier versions of the draft, newest first. */
  readonly draftHistory: readonly DraftVersion[];
  /** Shows a program from a link or an example without touching the draft; the last run's results go. */
  openBorrowed: (source: string, origin: BorrowedOrigin) => void;
  /** Puts the draft back into the editor. */
  backToDraft: () => void;
  /** Makes the borrowed program the draft. */
  keepAsDraft: () => void;
  /** Replaces the draft (restoring a version, taking another tab's); shows the draft. */
  replaceDraft: (source: string) => void;
  setAutosaveStatus: (status: AutosaveStatus) => void;
  setDraftHistory: (history: readonly DraftVersion[]) => void;
}

export const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set, get) => ({
  buffer: { kind: "draft" },
  draftSource: "",
  autosave: { kind: "on" },
  draftHistory: [],
  // Each action is one `set`, so subscribers never see the buffer switched but the text not yet.
  openBorrowed: (source, origin) => {
    get().clearRunResults();
    const state = get();
    const draftSource = state.buffer.kind === "draft" ? state.currentSource() : state.draftSource;
    set({ draftSource, buffer: { kind: "borrowed", origin }, source, sourceLoadId: state.sourceLoadId + 1 });
  },
  backToDraft: () => {
    const state = get();
    if (state.buffer.kind === "draft") return;
    set({ buffer: { kind: "draft" }, source: state.draftSource, sourceLoadId: state.sourceLoadId + 1 });
  },
  keepAsDraft: () => {
    const state = get();
    if (state.buffer.kind === "draft") return;
    set({ buffer: { kind: "draft" }, source: state.currentSource(), sourceLoadId: state.sourceLoadId + 1 });
  },
  replaceDraft: (source) => set((s) => ({ buffer: { kind: "draft" }, source, sourceLoadId: s.sourceLoadId + 1 })),
  setAutosaveStatus: (autosave) => set({ autosave }),
  setDraftHistory: (draftHistory) => set({ draftHistory }),
});

export const selectBuffer = (s: AppState) => s.buffer;
export const selectIsDraftShown = (s: AppState) => s.buffer.kind === "draft";
export const selectAutosave = (s: AppState) => s.autosave;
export const selectDraftHistory = (s: AppState) => s.draftHistory;
export const selectOpenBorrowed = (s: AppState) => s.openBorrowed;
export const selectBackToDraft = (s: AppState) => s.backToDraft;
export const selectKeepAsDraft = (s: AppState) => s.keepAsDraft;
export const selectReplaceDraft = (s: AppState) => s.replaceDraft;
