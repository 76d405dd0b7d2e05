import { describe, expect, it } from "vitest";
import { createAppStore } from "./createAppStore";
import { FakeRunner } from "./fakeRunner";

describe("view slice", () => {
  it("switches the axis", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    expect(store.getState().axis).toBe("time");
    store.getState().setAxis("steps");
    expect(store.getState().axis).toBe("steps");
  });
});
