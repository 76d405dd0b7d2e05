/**
 * Keeping the draft in the browser's storage. Pure apart from the injected `StoragePort`, so every
 * failure (storage missing, full, a corrupt value, another tab's write) is testable without a DOM.
 *
 * One key holds the draft and a short history of earlier versions, as versioned JSON. Nothing here
 * throws: a corrupt value reads as "nothing saved", a refused write as "autosave is off".
 */
import type { DraftVersion } from "../../store";

/** What we need from `localStorage`; any method may throw (private mode, quota, disabled). */
export interface StoragePort {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const DRAFT_KEY = "taskline.draft.v1";
/** Earlier versions kept for "restore". */
export const HISTORY_LIMIT = 10;
/** A new history entry at most this often while typing; loads and restores always make one. */
export const HISTORY_INTERVAL_MS = 60_000;

export interface SavedDraft {
  readonly v: 1;
  readonly source: string;
  readonly savedAtMs: number;
  /** The tab that wrote it, so a tab can tell its own writes from another tab's. */
  readonly tabId: string;
  /** Newest first. */
  readonly history: readonly DraftVersion[];
}

export type ReadResult =
  | { readonly kind: "none" }
  | { readonly kind: "saved"; readonly draft: SavedDraft }
  /** The stored value is not a draft we can read; it is left alone, not deleted. */
  | { readonly kind: "corrupt" }
  | { readonly kind: "unavailable" };

export type WriteResult = { readonly kind: "saved"; readonly draft: SavedDraft } | { readonly kind: "failed"; readonly reason: "full" | "unavailable" };

export function readDraft(storage: StoragePort | undefined): ReadResult {
  if (storage === undefined) return { kind: "unavailable" };
  let raw: string | null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch {
    return { kind: "unavailable" };
  }
  if (raw === null) return { kind: "none" };
  const draft = parseDraft(raw);
  return draft === undefined ? { kind: "corrupt" } : { kind: "saved", draft };
}

/** Reads a stored value; undefined unless it is a well-formed draft. */
export function parseDraft(raw: string): SavedDraft | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.v !== 1 || typeof value.source !== "string" || typeof value.tabId !== "string") return undefined;
  if (typeof value.savedAtMs !== "number" || !Array.isArray(value.history)) return undefined;
  const history: DraftVersion[] = [];
  for (const entry of value.history as unknown[]) {
    if (isRecord(entry) && typeof entry.source === "string" && typeof entry.savedAtMs === "number") history.push({ source: entry.source, savedAtMs: entry.savedAtMs });
  }
  return { v: 1, source: value.source, savedAtMs: value.savedAtMs, tabId: value.tabId, history: history.slice(0, HISTORY_LIMIT) };
}

/**
 * The draft to write after `previous` when the text becomes `source`. The previous text goes into
 * the history when this is a checkpoint (a load, a restore) or the newest entry is old enough.
 */
export function nextDraft(previous: SavedDraft | undefined, source: string, nowMs: number, tabId: string, checkpoint: boolean): SavedDraft {
  let history = previous?.history ?? [];
  if (previous !== undefined && previous.source !== source && previous.source.trim() !== "") {
    const newest = history[0];
    const due = newest === undefined || nowMs - newest.savedAtMs >= HISTORY_INTERVAL_MS;
    if ((checkpoint || due) && newest?.source !== previous.source) {
      history = [{ source: previous.source, savedAtMs: previous.savedAtMs }, ...history.filter((h) => h.source !== previous.source)];
    }
  }
  return { v: 1, source, savedAtMs: nowMs, tabId, history: history.slice(0, HISTORY_LIMIT) };
}

/** Writes the draft; when storage is full, drops history (oldest first) and tries again. */
export function writeDraft(storage: StoragePort | undefined, draft: SavedDraft): WriteResult {
  if (storage === undefined) return { kind: "failed", reason: "unavailable" };
  let candidate = draft;
  for (;;) {
    try {
      storage.setItem(DRAFT_KEY, JSON.stringify(candidate));
      return { kind: "saved", draft: candidate };
    } catch (error) {
      if (!isQuotaError(error)) return { kind: "failed", reason: "unavailable" };
      if (candidate.history.length === 0) return { kind: "failed", reason: "full" };
      candidate = { ...candidate, history: candidate.history.slice(0, -1) };
    }
  }
}

/** A `storage` event's new value, if it is a draft written by another tab. */
export function otherTabsDraft(key: string | null, newValue: string | null, myTabId: string): SavedDraft | undefined {
  if (key !== DRAFT_KEY || newValue === null) return undefined;
  const draft = parseDraft(newValue);
  return draft !== undefined && draft.tabId !== myTabId ? draft : undefined;
}

function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22 || code === 1014;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
