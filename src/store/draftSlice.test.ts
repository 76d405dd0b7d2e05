import { describe, expect, it } from "vitest";
import { createAppStore } from "./createAppStore";
import { FakeRunner } from "./fakeRunner";

describe("draft and borrowed buffers", () => {
  it("shows a borrowed program without losing the draft, and goes back to it", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().attachSourceReader(() => "my live draft");
    store.getState().openBorrowed("from a link", { kind: "link", exampleId: undefined });
    store.getState().attachSourceReader(undefined);
    expect(store.getState()).toMatchObject({ source: "from a link", draftSource: "my live draft", buffer: { kind: "borrowed" } });
    store.getState().openBorrowed("an example", { kind: "example", exampleId: "lock" });
    expect(store.getState().draftSource).toBe("my live draft");
    store.getState().backToDraft();
    expect(store.getState()).toMatchObject({ source: "my live draft", buffer: { kind: "draft" } });
  });

  it("keeps a borrowed program as the draft, with the editor's edits", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().openBorrowed("example", { kind: "example", exampleId: "event" });
    store.getState().attachSourceReader(() => "example, edited");
    store.getState().keepAsDraft();
    expect(store.getState()).toMatchObject({ source: "example, edited", buffer: { kind: "draft" } });
  });

  it("announces every buffer switch to the editor", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    const ids = [store.getState().sourceLoadId];
    store.getState().openBorrowed("x", { kind: "link", exampleId: undefined });
    ids.push(store.getState().sourceLoadId);
    store.getState().backToDraft();
    ids.push(store.getState().sourceLoadId);
    store.getState().replaceDraft("restored");
    ids.push(store.getState().sourceLoadId);
    expect(new Set(ids).size).toBe(4);
  });
});
