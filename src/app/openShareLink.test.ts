import { describe, expect, it } from "vitest";
import { encodeCheckedShareLink, encodeShareLink } from "../share/link";
import { createAppStore, DEFAULT_SOURCE } from "../store";
import { openShareLink } from "./openShareLink";

const noRunner = { run: () => undefined, stop: () => undefined };

describe("opening the page from a link", () => {
  it("loads the link's program and settings without running it", () => {
    const runs: unknown[] = [];
    const store = createAppStore({ runner: { run: (...a) => void runs.push(a), stop: () => undefined } });
    const hash = encodeShareLink({ source: "print('hi')", settings: { clock: "ideal", axis: "steps", future: "x" } });
    expect(openShareLink(store, hash)).toEqual({ kind: "loaded" });
    expect(store.getState()).toMatchObject({ source: "print('hi')", clockMode: "ideal", axis: "steps" });
    expect(runs).toHaveLength(0);
  });

  it("keeps the person's draft beside the link's program", () => {
    const store = createAppStore({ runner: noRunner });
    store.getState().setSource("my draft");
    openShareLink(store, encodeCheckedShareLink({ source: "shared", settings: { ex: "lock" } }));
    expect(store.getState()).toMatchObject({
      source: "shared",
      draftSource: "my draft",
      buffer: { kind: "borrowed", origin: { kind: "link", exampleId: "lock" } },
    });
    store.getState().backToDraft();
    expect(store.getState().source).toBe("my draft");
  });

  it("changes nothing for a link that fails its checksum, comes from the future or is too large", () => {
    const store = createAppStore({ runner: noRunner });
    store.getState().setSource("my draft");
    const good = encodeCheckedShareLink({ source: "shared", settings: {} });
    const badChecksum = good.replace(/&c=\w+/, "&c=zzzz");
    for (const [hash, error] of [
      [badChecksum, "checksum"],
      [`${good}&v=9`, "futureFormat"],
      [`#code/${"A".repeat(300_000)}`, "tooLarge"],
      ["#code/", "empty"],
    ] as const) {
      expect(openShareLink(store, hash)).toEqual({ kind: "error", error });
      expect(store.getState()).toMatchObject({ source: "my draft", buffer: { kind: "draft" }, sourceLoadId: 0 });
    }
  });

  it("keeps the default program and explains a link that cannot be opened", () => {
    const store = createAppStore({ runner: noRunner });
    const notice = openShareLink(store, "#code/!!broken!!");
    expect(notice).toEqual({ kind: "error", error: "corrupt" });
    expect(store.getState().source).toBe(DEFAULT_SOURCE);
  });

  it("ignores hashes that are not code links", () => {
    const store = createAppStore({ runner: noRunner });
    expect(openShareLink(store, "")).toEqual({ kind: "none" });
    expect(openShareLink(store, "#about")).toEqual({ kind: "none" });
    expect(store.getState().source).toBe(DEFAULT_SOURCE);
  });

  it("ignores setting values it does not know", () => {
    const store = createAppStore({ runner: noRunner });
    openShareLink(store, encodeShareLink({ source: "x", settings: { clock: "warp", axis: "diagonal" } }));
    expect(store.getState()).toMatchObject({ clockMode: "realistic", axis: "time" });
  });
});
