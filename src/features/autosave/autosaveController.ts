/**
 * Autosave wiring: saves the draft (debounced) whenever it changes, loads it at page open, notices
 * another tab's saves, and reports its status into the store. Side effects come in as `AutosaveEnv`,
 * so tests drive it with fake storage, clock and timers.
 */
import type { AppState, AppStore, DraftVersion } from "../../store";
import { nextDraft, otherTabsDraft, readDraft, writeDraft, type SavedDraft, type StoragePort } from "./draftStorage";

export interface AutosaveEnv {
  readonly storage: StoragePort | undefined;
  /** Tells this tab's writes from other tabs'. */
  readonly tabId: string;
  readonly nowMs: () => number;
  /** Wait after the last change before writing. */
  readonly debounceMs: number;
  /** Calls `listener` for each `storage` event (another tab wrote); returns an unsubscribe. */
  readonly onStorageEvent: (listener: (key: string | null, newValue: string | null) => void) => () => void;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

export interface AutosaveController {
  /** Writes a pending change now (page hide, before unload). */
  flush(): void;
  /** Resolves a conflict by keeping this tab's draft (the other tab's goes into the history). */
  keepMine(): void;
  /** Resolves a conflict by taking the other tab's draft (this tab's goes into the history). */
  takeTheirs(): void;
  /** Puts an earlier version back as the draft (the current one goes into the history). */
  restore(version: DraftVersion): void;
  stop(): void;
}

/** Loads the saved draft into the store (if any) and starts saving; call before the editor mounts. */
export function startAutosave(store: AppStore, env: AutosaveEnv): AutosaveController {
  let saved: SavedDraft | undefined;
  let pending: { source: string; checkpoint: boolean } | undefined;
  let timer: unknown;
  let otherDraft: SavedDraft | undefined;

  const initial = readDraft(env.storage);
  if (initial.kind === "saved") {
    saved = initial.draft;
    store.getState().loadSource(initial.draft.source);
    store.getState().setDraftHistory(initial.draft.history);
  } else if (initial.kind === "unavailable") {
    store.getState().setAutosaveStatus({ kind: "off", reason: "unavailable" });
  }

  /** The draft's text as of now, wherever it lives. */
  const draftText = (s: AppState): string => (s.buffer.kind === "draft" ? s.currentSource() : s.draftSource);

  const write = (source: string, checkpoint: boolean, base: SavedDraft | undefined = saved): void => {
    const status = store.getState().autosave;
    if (status.kind === "conflict") return;
    if (base !== undefined && base === saved && base.source === source && !checkpoint) return;
    const result = writeDraft(env.storage, nextDraft(base, source, env.nowMs(), env.tabId, checkpoint));
    if (result.kind === "saved") {
      saved = result.draft;
      store.getState().setDraftHistory(result.draft.history);
      if (status.kind !== "on") store.getState().setAutosaveStatus({ kind: "on" });
    } else {
      store.getState().setAutosaveStatus({ kind: "off", reason: result.reason });
    }
  };

  const flush = (): void => {
    if (timer !== undefined) env.clearTimer(timer);
    timer = undefined;
    const job = pending;
    pending = undefined;
    if (job !== undefined) write(job.source, job.checkpoint);
  };

  const schedule = (source: string, checkpoint: boolean): void => {
    pending = { source, checkpoint: checkpoint || (pending?.checkpoint ?? false) };
    if (timer !== undefined) env.clearTimer(timer);
    timer = env.setTimer(flush, env.debounceMs);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.buffer.kind === "draft") {
      const cameBack = prev.buffer.kind !== "draft";
      const loaded = s.sourceLoadId !== prev.sourceLoadId;
      if (s.source !== prev.source || cameBack || loaded) schedule(s.source, loaded || cameBack);
    } else if (prev.buffer.kind === "draft") {
      // A link or an example is about to cover the draft: make sure the draft is on disk first.
      schedule(s.draftSource, false);
      flush();
    }
  });

  const stopListening = env.onStorageEvent((key, newValue) => {
    const theirs = otherTabsDraft(key, newValue, env.tabId);
    if (theirs === undefined) return;
    const mine = draftText(store.getState());
    if (theirs.source === mine) {
      saved = theirs; // same text: nothing to choose between
      return;
    }
    otherDraft = theirs;
    if (timer !== undefined) env.clearTimer(timer);
    timer = undefined;
    pending = undefined;
    store.getState().setAutosaveStatus({ kind: "conflict", otherSource: theirs.source });
  });

  const resolve = (): SavedDraft | undefined => {
    const theirs = otherDraft;
    otherDraft = undefined;
    store.getState().setAutosaveStatus({ kind: "on" });
    return theirs;
  };

  return {
    flush: () => {
      const state = store.getState();
      if (state.buffer.kind === "draft" && state.autosave.kind !== "conflict") schedule(state.currentSource(), false);
      flush();
    },
    keepMine: () => {
      const theirs = resolve();
      write(draftText(store.getState()), true, theirs ?? saved);
    },
    takeTheirs: () => {
      const theirs = resolve();
      if (theirs === undefined) return;
      const mine = draftText(store.getState());
      // Their text becomes the draft, with ours kept as the newest history entry.
      write(theirs.source, true, { ...theirs, source: mine });
      store.getState().replaceDraft(theirs.source);
    },
    restore: (version) => {
      store.getState().replaceDraft(version.source);
    },
    stop: () => {
      flush();
      unsubscribe();
      stopListening();
    },
  };
}

/** A random id for this tab's writes. */
export function newTabId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
