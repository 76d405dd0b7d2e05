import { describe, expect, it } from "vitest";
import { createAppStore, DEFAULT_SOURCE } from "../../store";
import { FakeRunner } from "../../store/fakeRunner";
import { startAutosave, type AutosaveEnv } from "./autosaveController";
import { DRAFT_KEY, nextDraft, type StoragePort } from "./draftStorage";

class MemoryStorage implements StoragePort {
  readonly items = new Map<string, string>();
  failWith: Error | undefined;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw this.failWith;
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

function harness(storage: StoragePort | undefined = new MemoryStorage(), tabId = "tab-a") {
  let now = 1_000;
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  let storageListener: ((key: string | null, value: string | null) => void) | undefined;
  const env: AutosaveEnv = {
    storage,
    tabId,
    nowMs: () => now,
    debounceMs: 500,
    onStorageEvent: (listener) => {
      storageListener = listener;
      return () => (storageListener = undefined);
    },
    setTimer: (callback) => {
      timers.set(nextTimer, callback);
      return nextTimer++;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
  };
  const store = createAppStore({ runner: new FakeRunner() });
  const controller = startAutosave(store, env);
  return {
    store,
    controller,
    storage,
    tick: (ms = 600) => {
      now += ms;
      const due = [...timers.values()];
      timers.clear();
      due.forEach((f) => f());
    },
    otherTabWrites: (source: string) => {
      const value = JSON.stringify(nextDraft(undefined, source, now, "tab-b", false));
      (storage as MemoryStorage).items.set(DRAFT_KEY, value);
      storageListener?.(DRAFT_KEY, value);
    },
    saved: () => JSON.parse((storage as MemoryStorage).items.get(DRAFT_KEY) ?? "null") as { source: string; history: { source: string }[] } | null,
  };
}

describe("autosave", () => {
  it("saves an edit after the debounce and brings it back on the next page load", () => {
    const h = harness();
    h.store.getState().setSource("print('mine')");
    expect(h.saved()).toBeNull();
    h.tick();
    expect(h.saved()?.source).toBe("print('mine')");
    const reloaded = harness(h.storage);
    expect(reloaded.store.getState().source).toBe("print('mine')");
  });

  it("shows the default program when the saved value is corrupt", () => {
    const storage = new MemoryStorage();
    storage.items.set(DRAFT_KEY, "{{{");
    const h = harness(storage);
    expect(h.store.getState().source).toBe(DEFAULT_SOURCE);
    expect(h.store.getState().autosave).toEqual({ kind: "on" });
  });

  it("keeps the app working and says autosave is off when storage refuses", () => {
    const storage = new MemoryStorage();
    storage.failWith = Object.assign(new Error("quota"), { name: "QuotaExceededError" });
    const h = harness(storage);
    h.store.getState().setSource("x = 1");
    h.tick();
    expect(h.store.getState().autosave).toEqual({ kind: "off", reason: "full" });
    expect(h.store.getState().source).toBe("x = 1");
    storage.failWith = undefined;
    h.store.getState().setSource("x = 2");
    h.tick();
    expect(h.store.getState().autosave).toEqual({ kind: "on" });
  });

  it("says autosave is off when storage cannot be read", () => {
    const denied: StoragePort = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(harness(denied).store.getState().autosave).toEqual({ kind: "off", reason: "unavailable" });
  });

  it("never saves a borrowed program over the draft", () => {
    const h = harness();
    h.store.getState().setSource("my draft");
    h.store.getState().openBorrowed("from a link", { kind: "link", exampleId: undefined });
    expect(h.saved()?.source).toBe("my draft");
    h.store.getState().setSource("from a link, edited");
    h.tick();
    expect(h.saved()?.source).toBe("my draft");
    h.store.getState().backToDraft();
    expect(h.store.getState().source).toBe("my draft");
  });

  it("keeps the old draft in the history when a borrowed program becomes the draft", () => {
    const h = harness();
    h.store.getState().setSource("my draft");
    h.tick();
    h.store.getState().openBorrowed("example", { kind: "example", exampleId: "lock" });
    h.store.getState().keepAsDraft();
    h.tick();
    expect(h.saved()?.source).toBe("example");
    expect(h.saved()?.history.map((v) => v.source)).toContain("my draft");
  });

  it("restores an earlier version and keeps the current one", () => {
    const h = harness();
    h.store.getState().setSource("v1");
    h.tick();
    h.store.getState().replaceDraft("v2");
    h.tick();
    const [v1] = h.store.getState().draftHistory;
    expect(v1?.source).toBe("v1");
    h.controller.restore(v1!);
    h.tick();
    expect(h.store.getState().source).toBe("v1");
    expect(h.store.getState().draftHistory.map((v) => v.source)).toContain("v2");
  });

  it("stops saving and asks when another tab saves a different draft", () => {
    const h = harness();
    h.store.getState().setSource("tab a's draft");
    h.tick();
    h.otherTabWrites("tab b's draft");
    expect(h.store.getState().autosave).toEqual({ kind: "conflict", otherSource: "tab b's draft" });
    h.store.getState().setSource("tab a types on");
    h.tick();
    expect(h.saved()?.source).toBe("tab b's draft");
    h.controller.keepMine();
    expect(h.saved()?.source).toBe("tab a types on");
    expect(h.saved()?.history.map((v) => v.source)).toContain("tab b's draft");
  });

  it("takes the other tab's draft on request and keeps this tab's in the history", () => {
    const h = harness();
    h.store.getState().setSource("mine");
    h.tick();
    h.otherTabWrites("theirs");
    h.controller.takeTheirs();
    h.tick();
    expect(h.store.getState().source).toBe("theirs");
    expect(h.saved()?.source).toBe("theirs");
    expect(h.saved()?.history.map((v) => v.source)).toContain("mine");
  });

  it("flushes a pending edit at once", () => {
    const h = harness();
    h.store.getState().setSource("last words");
    h.controller.flush();
    expect(h.saved()?.source).toBe("last words");
  });
});
