import { describe, expect, it } from "vitest";
import { DRAFT_KEY, HISTORY_INTERVAL_MS, HISTORY_LIMIT, nextDraft, otherTabsDraft, parseDraft, readDraft, writeDraft, type StoragePort } from "./draftStorage";

class MemoryStorage implements StoragePort {
  readonly items = new Map<string, string>();
  constructor(private readonly quotaChars = Infinity) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quotaChars) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const throwing: StoragePort = {
  getItem: () => {
    throw new Error("SecurityError: access denied");
  },
  setItem: () => {
    throw new Error("SecurityError: access denied");
  },
  removeItem: () => undefined,
};

describe("the saved draft", () => {
  it("survives a write and a read", () => {
    const storage = new MemoryStorage();
    const draft = nextDraft(undefined, "print(1)", 1000, "tab-a", false);
    expect(writeDraft(storage, draft)).toEqual({ kind: "saved", draft });
    expect(readDraft(storage)).toEqual({ kind: "saved", draft });
  });

  it("reads as nothing saved on a first visit", () => {
    expect(readDraft(new MemoryStorage())).toEqual({ kind: "none" });
  });

  it("reads a corrupt value as corrupt instead of throwing, and leaves it in place", () => {
    for (const raw of ["{not json", "null", "[]", '{"v":2,"source":"x"}', '{"v":1,"source":5,"tabId":"a","savedAtMs":1,"history":[]}']) {
      const storage = new MemoryStorage();
      storage.items.set(DRAFT_KEY, raw);
      expect(readDraft(storage)).toEqual({ kind: "corrupt" });
      expect(storage.items.get(DRAFT_KEY)).toBe(raw);
    }
  });

  it("drops malformed history entries but keeps the draft", () => {
    const raw = JSON.stringify({ v: 1, source: "x", savedAtMs: 1, tabId: "a", history: [{ source: "old", savedAtMs: 0 }, { source: 3 }, "junk"] });
    expect(parseDraft(raw)?.history).toEqual([{ source: "old", savedAtMs: 0 }]);
  });

  it("says storage is unavailable when it throws, on read and on write", () => {
    expect(readDraft(throwing)).toEqual({ kind: "unavailable" });
    expect(readDraft(undefined)).toEqual({ kind: "unavailable" });
    expect(writeDraft(throwing, nextDraft(undefined, "x", 0, "a", false))).toEqual({ kind: "failed", reason: "unavailable" });
  });

  it("gives up history before giving up the draft when storage is full", () => {
    let draft = nextDraft(undefined, "a".repeat(100), 0, "t", false);
    for (let i = 1; i <= 5; i++) draft = nextDraft(draft, String(i).repeat(100), i * HISTORY_INTERVAL_MS, "t", false);
    expect(draft.history).toHaveLength(5);
    const storage = new MemoryStorage(450);
    const result = writeDraft(storage, draft);
    expect(result.kind).toBe("saved");
    expect(result.kind === "saved" && result.draft.source).toBe("5".repeat(100));
    expect(result.kind === "saved" && result.draft.history.length).toBeLessThan(5);
  });

  it("says storage is full when even the bare draft does not fit", () => {
    expect(writeDraft(new MemoryStorage(10), nextDraft(undefined, "x".repeat(50), 0, "t", false))).toEqual({ kind: "failed", reason: "full" });
  });
});

describe("the draft's history", () => {
  it("does not grow on every keystroke", () => {
    let draft = nextDraft(undefined, "a", 0, "t", false);
    draft = nextDraft(draft, "ab", 1000, "t", false);
    draft = nextDraft(draft, "abc", 2000, "t", false);
    // The first change starts the history; later keystrokes within the interval add nothing.
    expect(draft.history.map((h) => h.source)).toEqual(["a"]);
  });

  it("keeps the version before a load or a restore", () => {
    let draft = nextDraft(undefined, "mine", 0, "t", false);
    draft = nextDraft(draft, "restored", 10, "t", true);
    expect(draft.history.map((h) => h.source)).toEqual(["mine"]);
    expect(draft.source).toBe("restored");
  });

  it("adds a version when the last one is old enough", () => {
    let draft = nextDraft(undefined, "v1", 0, "t", true);
    draft = nextDraft(draft, "v2", 1, "t", true);
    draft = nextDraft(draft, "v3", 2 + HISTORY_INTERVAL_MS, "t", false);
    expect(draft.history.map((h) => h.source)).toEqual(["v2", "v1"]);
  });

  it("keeps at most the limit, newest first, without duplicates or blank versions", () => {
    let draft = nextDraft(undefined, "", 0, "t", false);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) draft = nextDraft(draft, `v${i}`, i, "t", true);
    draft = nextDraft(draft, "v3", 100, "t", true);
    expect(draft.history).toHaveLength(HISTORY_LIMIT);
    expect(draft.history[0]?.source).toBe(`v${HISTORY_LIMIT + 4}`);
    expect(draft.history.some((h) => h.source === "")).toBe(false);
    expect(new Set(draft.history.map((h) => h.source)).size).toBe(HISTORY_LIMIT);
  });
});

describe("two tabs", () => {
  it("notices another tab's save and ignores its own", () => {
    const theirs = JSON.stringify(nextDraft(undefined, "theirs", 0, "tab-b", false));
    expect(otherTabsDraft(DRAFT_KEY, theirs, "tab-a")?.source).toBe("theirs");
    expect(otherTabsDraft(DRAFT_KEY, theirs, "tab-b")).toBeUndefined();
    expect(otherTabsDraft("other-key", theirs, "tab-a")).toBeUndefined();
    expect(otherTabsDraft(DRAFT_KEY, null, "tab-a")).toBeUndefined();
    expect(otherTabsDraft(DRAFT_KEY, "garbage", "tab-a")).toBeUndefined();
  });
});
