import { describe, expect, it } from "vitest";
import { createAppStore } from "./createAppStore";
import { FakeRunner } from "./fakeRunner";
import { taskId } from "../model/types";
import { selectSelectedTask } from "./selectors";

describe("view slice", () => {
  it("switches the axis", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    expect(store.getState().axis).toBe("time");
    store.getState().setAxis("steps");
    expect(store.getState().axis).toBe("steps");
  });

  it("selects a task and clears the selection", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    expect(store.getState().selectedTaskId).toBeUndefined();
    store.getState().selectTask(taskId(3));
    expect(store.getState().selectedTaskId).toBe(3);
    expect(selectSelectedTask(store.getState())).toBeUndefined(); // no such lane in an empty trace
    store.getState().selectTask(undefined);
    expect(store.getState().selectedTaskId).toBeUndefined();
  });
});
