import { describe, expect, it } from "vitest";
import { helpRows, shortcutFor, type KeyInput } from "./shortcuts";

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: false,
  dialogOpen: false,
  ownsEscape: false,
  isMac: false,
  ...extra,
});

describe("keyboard shortcuts", () => {
  it("run with Ctrl+Enter, or ⌘+Enter on a Mac, even while typing in the editor", () => {
    expect(shortcutFor(key("Enter", { ctrlKey: true, inTextField: true }))).toBe("run");
    expect(shortcutFor(key("Enter", { metaKey: true, isMac: true }))).toBe("run");
    expect(shortcutFor(key("Enter", { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(key("Enter"))).toBeUndefined();
  });

  it("share with Ctrl/⌘+S instead of the browser's save", () => {
    expect(shortcutFor(key("s", { ctrlKey: true, inTextField: true }))).toBe("share");
    expect(shortcutFor(key("s", { metaKey: true, isMac: true }))).toBe("share");
    expect(shortcutFor(key("s"))).toBeUndefined();
  });

  it("stop with Esc unless Esc is closing a dialog", () => {
    expect(shortcutFor(key("Escape", { inTextField: true }))).toBe("stop");
    expect(shortcutFor(key("Escape", { dialogOpen: true }))).toBeUndefined();
    expect(shortcutFor(key("Escape", { ownsEscape: true }))).toBeUndefined();
  });

  it("open help with ? only when it is not typed into the code", () => {
    expect(shortcutFor(key("?"))).toBe("help");
    expect(shortcutFor(key("?", { inTextField: true }))).toBeUndefined();
    expect(shortcutFor(key("?", { dialogOpen: true }))).toBeUndefined();
  });

  it("the help lists the playback keys next to the page's shortcuts", () => {
    const keys = helpRows("Ctrl").map(([k]) => k);
    expect(keys).toEqual(expect.arrayContaining(["Ctrl+Enter", "Esc", "Ctrl+S", "Space", "← / →", "Home / End", "?"]));
  });
});
