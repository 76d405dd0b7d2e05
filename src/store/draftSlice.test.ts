import { describe, expect, it } from "vitest";
import { TraceBuilder } from "../model/testing";
import { PROTOCOL_VERSION } from "../protocol/messages";
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

  it("clears the last run's results when another program is opened, stopping one in progress", () => {
    const runner = new FakeRunner();
    const store = createAppStore({ runner });
    store.getState().applyWorkerMessage({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14" });
    const runOnce = (status: "done" | "running") => {
      store.getState().startRun();
      const runId = store.getState().currentRunId!;
      const { columns, details } = new TraceBuilder().created(1, "Task-1", 0).ready(1, 0).run(1, 0).print(1, 0, "old output").build();
      store.getState().applyWorkerMessage({ type: "trace", runId, columns, details });
      if (status === "done") store.getState().applyWorkerMessage({ type: "runEnded", runId, end: { status: "done" }, totals: { virtualTimeS: 0, tasks: 1, steps: 1 } });
      return runId;
    };
    runOnce("done");
    store.getState().selectTask(store.getState().trace.lanes()[0]!.id);
    store.getState().openBorrowed("a linked program", { kind: "link", exampleId: undefined });
    expect(store.getState()).toMatchObject({ runStatus: { kind: "idle" }, totals: undefined, selectedTaskId: undefined, cursorVt: undefined });
    expect(store.getState().trace.laneCount).toBe(0);
    expect(store.getState().trace.consoleLines()).toHaveLength(0);

    store.getState().applyWorkerMessage({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14" });
    const running = runOnce("running");
    store.getState().openBorrowed("an example", { kind: "example", exampleId: "lock" });
    expect(runner.stops).toBe(1);
    expect(store.getState().runStatus.kind).toBe("idle");
    // The stopped run's last rows do not come back.
    const { columns, details } = new TraceBuilder().created(2, "Task-2", 0).build();
    store.getState().applyWorkerMessage({ type: "trace", runId: running, columns, details });
    expect(store.getState().trace.laneCount).toBe(0);
  });
});
