import { describe, expect, it } from "vitest";
import { createAppStore } from "./createAppStore";
import { FakeRunner } from "./fakeRunner";

describe("editor slice", () => {
  it("reads the live editor text when an editor is attached", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().setSource("debounced");
    expect(store.getState().currentSource()).toBe("debounced");
    store.getState().attachSourceReader(() => "live");
    expect(store.getState().currentSource()).toBe("live");
    store.getState().attachSourceReader(undefined);
    expect(store.getState().currentSource()).toBe("debounced");
  });

  it("announces a source loaded from outside so the editor replaces its text", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    const before = store.getState().sourceLoadId;
    store.getState().setSource("typed");
    expect(store.getState().sourceLoadId).toBe(before);
    store.getState().loadSource("from a link");
    expect(store.getState()).toMatchObject({ source: "from a link", sourceLoadId: before + 1 });
  });
});
