import { describe, expect, it } from "vitest";
import { encodeShareLink } from "../share/link";
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

  it("keeps the default program and explains a link that cannot be opened", () => {
    const store = createAppStore({ runner: noRunner });
    const notice = openShareLink(store, "#code/!!broken!!");
    expect(notice).toMatchObject({ kind: "error", message: expect.stringMatching(/damaged/) });
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
