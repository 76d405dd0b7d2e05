import { afterEach, describe, expect, it, vi } from "vitest";
import { threeTasksTrace, TraceBuilder } from "../model/testing";
import { PROTOCOL_VERSION, runId, type FromWorker } from "../protocol/messages";
import { createAppStore } from "./createAppStore";
import { TRACE_PUBLISH_MS } from "./runSlice";
import { FakeRunner } from "./fakeRunner";
import { selectCanRun, selectCanStop, selectIsRunning, selectProgramError, selectRunBlockedReason, selectSummary } from "./selectors";

const READY: FromWorker = { type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14.0" };

function readyStore() {
  const runner = new FakeRunner();
  const store = createAppStore({ runner });
  store.getState().applyWorkerMessage(READY);
  return { runner, store };
}

function startedStore() {
  const { runner, store } = readyStore();
  store.getState().startRun();
  const id = store.getState().currentRunId!;
  return { runner, store, id };
}

describe("run slice", () => {
  it("starts booting and shows boot progress", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    expect(store.getState().runtime.kind).toBe("booting");
    store.getState().applyWorkerMessage({ type: "progress", stage: "Loading the standard library", fraction: 0.4 });
    expect(store.getState().runtime).toEqual({ kind: "booting", fraction: 0.4, stage: "Loading the standard library" });
  });

  it("refuses to run while the runtime boots, and says why", () => {
    const runner = new FakeRunner();
    const store = createAppStore({ runner });
    expect(store.getState().startRun()).toBe(false);
    expect(runner.runs).toHaveLength(0);
    expect(selectCanRun(store.getState())).toBe(false);
    expect(selectRunBlockedReason(store.getState())).toMatch(/loading/);
  });

  it("runs the editor's live text with the chosen clock mode once ready", () => {
    const { runner, store } = readyStore();
    store.getState().attachSourceReader(() => "print('live')");
    store.getState().setClockMode("ideal");
    expect(store.getState().startRun()).toBe(true);
    expect(runner.runs).toEqual([{ runId: store.getState().currentRunId, source: "print('live')", options: expect.objectContaining({ clock: "ideal" }) }]);
    expect(store.getState().source).toBe("print('live')");
    expect(selectIsRunning(store.getState())).toBe(true);
  });

  it("snaps a realistic run's measured times to the trace store's grid, and keeps an ideal run's exact", () => {
    const t = 0.1234567891;
    const endOf = (clock: "ideal" | "realistic") => {
      const { store } = readyStore();
      store.getState().setClockMode(clock);
      store.getState().startRun();
      const batch = new TraceBuilder().created(1, "main").ready(1, 0).run(1, t).build();
      store.getState().applyWorkerMessage({ type: "trace", runId: store.getState().currentRunId!, ...batch });
      return store.getState().trace.endTime;
    };
    expect(endOf("ideal")).toBe(t);
    expect(endOf("realistic")).not.toBe(t);
    expect(Math.abs(endOf("realistic") - t)).toBeLessThan(1e-6);
  });

  it("does not start a second run while one is running", () => {
    const { runner, store } = startedStore();
    expect(store.getState().startRun()).toBe(false);
    expect(runner.runs).toHaveLength(1);
  });

  describe("showing a streaming trace", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("shows a run's first batch at once, and the batches that follow it within TRACE_PUBLISH_MS with one update after it", () => {
      vi.useFakeTimers();
      const { store, id } = startedStore();
      const before = store.getState().traceVersion;
      let updates = 0;
      store.subscribe(() => updates++);
      store.getState().applyWorkerMessage({ type: "trace", runId: id, ...threeTasksTrace() });
      expect(store.getState().trace.lanes().map((l) => l.name)).toEqual(["main", "Task-2", "Task-3", "Task-4"]);
      expect(updates).toBe(1);
      expect(store.getState().traceVersion).toBe(before + 1);
      store.getState().applyWorkerMessage({ type: "trace", runId: id, ...new TraceBuilder().run(2, 2).build() });
      store.getState().applyWorkerMessage({ type: "trace", runId: id, ...new TraceBuilder().suspend(2, 2.5).build() });
      expect(updates).toBe(1); // folded, not shown yet
      expect(store.getState().trace.endTime).toBe(2.5);
      vi.advanceTimersByTime(TRACE_PUBLISH_MS);
      expect(updates).toBe(2);
      expect(store.getState().traceVersion).toBe(before + 2);
    });

    it("shows batches that stream in at most once per TRACE_PUBLISH_MS, the last ones included", () => {
      vi.useFakeTimers();
      const { store, id } = startedStore();
      const before = store.getState().traceVersion;
      const b = new TraceBuilder().created(1, "main").ready(1, 0);
      store.getState().applyWorkerMessage({ type: "trace", runId: id, ...b.build() });
      // A frame's batch every 16 ms for 1 s: shown ten times, not sixty.
      for (let t = 1; t <= 60; t++) {
        store.getState().applyWorkerMessage({ type: "trace", runId: id, ...new TraceBuilder().run(1, t).suspend(1, t).build() });
        vi.advanceTimersByTime(16);
      }
      const shown = store.getState().traceVersion - before;
      expect(shown).toBeGreaterThanOrEqual(1 + Math.floor((60 * 16) / TRACE_PUBLISH_MS) - 1);
      expect(shown).toBeLessThanOrEqual(1 + Math.ceil((60 * 16) / TRACE_PUBLISH_MS));
      vi.advanceTimersByTime(TRACE_PUBLISH_MS);
      const settled = store.getState().traceVersion;
      vi.advanceTimersByTime(10 * TRACE_PUBLISH_MS);
      expect(store.getState().traceVersion).toBe(settled); // nothing new, nothing shown
      expect(store.getState().trace.endTime).toBe(60);
    });

    it("shows the whole trace at once when the run ends, without a later extra update", () => {
      vi.useFakeTimers();
      const { store, id } = startedStore();
      store.getState().applyWorkerMessage({ type: "trace", runId: id, ...threeTasksTrace() });
      store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 1.5, tasks: 4, steps: 9 } });
      const version = store.getState().traceVersion;
      expect(store.getState().runStatus.kind).toBe("done");
      vi.runAllTimers();
      expect(store.getState().traceVersion).toBe(version);
    });
  });

  it("gives each run a fresh trace", () => {
    const { store, id } = startedStore();
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...threeTasksTrace() });
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 1.5, tasks: 4, steps: 9 } });
    const first = store.getState().trace;
    store.getState().startRun();
    expect(store.getState().trace).not.toBe(first);
    expect(store.getState().trace.rowCount).toBe(0);
    expect(store.getState().totals).toBeUndefined();
  });

  it("drops messages of a run that is no longer current", () => {
    const { store, id } = startedStore();
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 0, tasks: 0, steps: 0 } });
    store.getState().startRun();
    const version = store.getState().traceVersion;
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...threeTasksTrace() });
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 9, tasks: 9, steps: 9 } });
    store.getState().applyWorkerMessage({ type: "runEnded", runId: runId(999), end: { status: "done" }, totals: { virtualTimeS: 9, tasks: 9, steps: 9 } });
    expect(store.getState().traceVersion).toBe(version);
    expect(store.getState().trace.rowCount).toBe(0);
    expect(store.getState().runStatus.kind).toBe("running");
  });

  it("finishes the trace at the reported end time and records the totals", () => {
    const { store, id } = startedStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).suspend(1, 0);
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...b.build() });
    const totals = { virtualTimeS: 3, tasks: 1, steps: 1 };
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals });
    expect(store.getState().runStatus).toEqual({ kind: "done" });
    expect(store.getState().totals).toEqual(totals);
    expect(store.getState().trace.endTime).toBe(3);
    expect(selectSummary(store.getState())).toEqual(totals);
  });

  it("keeps the program error of a run that ended with one", () => {
    const { store, id } = startedStore();
    const error = { kind: "exception", excType: "ValueError", message: "boom", line: 4, traceback: "ValueError: boom" } as const;
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "error", error }, totals: { virtualTimeS: 0, tasks: 1, steps: 1 } });
    expect(store.getState().runStatus).toEqual({ kind: "error", error });
    expect(selectProgramError(store.getState())).toEqual(error);
  });

  it("reports a run the worker stopped with the worker's reason", () => {
    const { store, id } = startedStore();
    const end = { status: "stopped", reason: "virtual-horizon", message: "the program ran past the virtual time limit of 3600 s" } as const;
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end, totals: { virtualTimeS: 3600, tasks: 1, steps: 3601 } });
    expect(store.getState().runStatus).toEqual({ kind: "stopped", reason: "virtual-horizon", message: end.message });
  });

  it("stops a run for the user, asks the runner to stop, and waits for the new runtime", () => {
    const { runner, store, id } = startedStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).suspend(1, 2);
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...b.build() });
    store.getState().stopRun();
    expect(runner.stops).toBe(1);
    expect(store.getState().runStatus).toMatchObject({ kind: "stopped", reason: "user" });
    expect(store.getState().totals).toEqual({ virtualTimeS: 2, tasks: 1, steps: 1 });
    expect(store.getState().runtime.kind).toBe("booting");
    // Anything the old worker still had in flight is ignored.
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 9, tasks: 9, steps: 9 } });
    expect(store.getState().runStatus.kind).toBe("stopped");
    store.getState().applyWorkerMessage(READY);
    expect(store.getState().startRun()).toBe(true);
    expect(store.getState().runStatus.kind).toBe("running");
  });

  it("accepts Run while the next interpreter boots after a run, and starts it once one is ready", () => {
    const { runner, store, id } = startedStore();
    store.getState().applyWorkerMessage({ type: "progress", stage: "Loading", fraction: 0.3 }); // the runner shows the next spare
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 1, tasks: 1, steps: 1 } });
    expect(selectCanRun(store.getState())).toBe(true);
    expect(selectRunBlockedReason(store.getState())).toBeUndefined();
    store.getState().attachSourceReader(() => "print('second')");
    store.getState().setClockMode("ideal");
    expect(store.getState().startRun()).toBe(true);
    expect(store.getState().runStatus.kind).toBe("starting");
    expect(runner.runs).toHaveLength(1); // nothing to run it on yet
    expect(selectCanRun(store.getState())).toBe(false);
    expect(selectCanStop(store.getState())).toBe(true);
    expect(store.getState().startRun()).toBe(false); // pressed twice: still one run
    store.getState().applyWorkerMessage({ type: "progress", stage: "Loading", fraction: 0.8 });
    expect(store.getState().runStatus.kind).toBe("starting");
    store.getState().setClockMode("realistic"); // after the press: not this run's
    store.getState().applyWorkerMessage(READY);
    expect(store.getState().runStatus.kind).toBe("running");
    expect(runner.runs).toHaveLength(2);
    expect(runner.runs[1]).toEqual({ runId: store.getState().currentRunId, source: "print('second')", options: expect.objectContaining({ clock: "ideal" }) });
    // The run's messages are accepted as usual.
    const second = store.getState().currentRunId!;
    store.getState().applyWorkerMessage({ type: "runEnded", runId: second, end: { status: "done" }, totals: { virtualTimeS: 2, tasks: 1, steps: 1 } });
    expect(store.getState().runStatus.kind).toBe("done");
    // A later ready (the spare after that) starts nothing by itself.
    store.getState().applyWorkerMessage(READY);
    expect(runner.runs).toHaveLength(2);
  });

  it("cancels a starting run on Stop: the interpreter that boots later runs nothing", () => {
    const { runner, store, id } = startedStore();
    store.getState().applyWorkerMessage({ type: "progress", stage: "Loading", fraction: 0.3 });
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 1, tasks: 1, steps: 1 } });
    store.getState().startRun();
    store.getState().stopRun();
    expect(store.getState().runStatus).toMatchObject({ kind: "stopped", reason: "user" });
    expect(runner.stops).toBe(0); // no worker had it
    expect(store.getState().runtime).toMatchObject({ kind: "booting", fraction: 0.3 });
    store.getState().applyWorkerMessage(READY);
    expect(runner.runs).toHaveLength(1);
    expect(store.getState().runStatus.kind).toBe("stopped");
    expect(store.getState().startRun()).toBe(true);
    expect(store.getState().runStatus.kind).toBe("running");
  });

  it("ends a starting run as crashed when no interpreter can boot", () => {
    const { store, id } = startedStore();
    store.getState().applyWorkerMessage({ type: "progress", stage: "Loading", fraction: 0.3 });
    store.getState().applyWorkerMessage({ type: "runEnded", runId: id, end: { status: "done" }, totals: { virtualTimeS: 1, tasks: 1, steps: 1 } });
    store.getState().startRun();
    store.getState().applyWorkerMessage({ type: "bootFailed", message: "no wasm" });
    expect(store.getState().runStatus).toMatchObject({ kind: "crashed", message: "no wasm" });
    expect(store.getState().runtime).toEqual({ kind: "bootFailed", message: "no wasm" });
    expect(selectCanRun(store.getState())).toBe(false);
  });

  it("ignores Stop when nothing runs", () => {
    const { runner, store } = readyStore();
    store.getState().stopRun();
    expect(runner.stops).toBe(0);
    expect(store.getState().runStatus.kind).toBe("idle");
  });

  it("marks a running run crashed when the worker dies, and reboots", () => {
    const { store } = startedStore();
    store.getState().applyWorkerMessage({ type: "crashed", message: "out of memory" });
    expect(store.getState().runStatus).toEqual({ kind: "crashed", reason: "fatal", message: "out of memory" });
    expect(store.getState().runtime.kind).toBe("booting");
  });

  it("only reboots when the worker dies between runs", () => {
    const { store } = readyStore();
    store.getState().applyWorkerMessage({ type: "crashed", message: "gone" });
    expect(store.getState().runStatus.kind).toBe("idle");
    expect(store.getState().runtime.kind).toBe("booting");
  });

  it("reports a runtime that failed to boot", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().applyWorkerMessage({ type: "bootFailed", message: "no wasm" });
    expect(store.getState().runtime).toEqual({ kind: "bootFailed", message: "no wasm" });
    expect(selectRunBlockedReason(store.getState())).toMatch(/no wasm/);
  });

  it("counts a running run's summary live from its trace", () => {
    const { store, id } = startedStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0).suspend(1, 1).created(2, "Task-2", 1, { t: 1 }).ready(2, 1).run(2, 1).suspend(2, 1.5);
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...b.build() });
    expect(selectSummary(store.getState())).toEqual({ virtualTimeS: 1.5, tasks: 2, steps: 2 });
  });

  it("says which rung ended a user stop once the runner knows", () => {
    const { store, id } = startedStore();
    store.getState().stopRun();
    store.getState().applyWorkerMessage({ type: "stopOutcome", runId: id, reason: "user", rung: "interrupt", wallClockS: 20 });
    expect(store.getState().runStatus).toMatchObject({ kind: "stopped", reason: "user", rung: "interrupt", byPage: { kind: "user" } });
    expect(store.getState().runStatus).toMatchObject({ message: expect.stringMatching(/interrupted/) });
  });

  it("keeps the rows the worker hands over while Stop interrupts it, and none after the runner's outcome", () => {
    const { store, id } = startedStore();
    const b = new TraceBuilder();
    b.created(1, "main").ready(1, 0).run(1, 0);
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...b.build() });
    store.getState().stopRun();
    expect(store.getState().runStatus).toMatchObject({ kind: "stopped", reason: "user" });
    b.created(2, "Task-2", 1, { t: 2 }).ready(2, 2).run(2, 2);
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...b.build() });
    expect(store.getState().trace.lanes().map((l) => l.name)).toEqual(["main", "Task-2"]);
    expect(selectSummary(store.getState())).toMatchObject({ tasks: 2, steps: 2, virtualTimeS: 2 });
    store.getState().applyWorkerMessage({ type: "stopOutcome", runId: id, reason: "user", rung: "interrupt", wallClockS: 20 });
    const rows = store.getState().trace.rowCount;
    store.getState().applyWorkerMessage({ type: "trace", runId: id, ...threeTasksTrace() });
    expect(store.getState().trace.rowCount).toBe(rows);
    expect(store.getState().totals).toMatchObject({ tasks: 2, steps: 2 });
  });

  it("ends a run that ran out of real time as stopped / wall-clock, naming the limit", () => {
    const { store, id } = startedStore();
    store.getState().applyWorkerMessage({ type: "stopOutcome", runId: id, reason: "wall-clock", rung: "terminate", wallClockS: 7 });
    expect(store.getState().runStatus).toMatchObject({ kind: "stopped", reason: "wall-clock", rung: "terminate", byPage: { kind: "wall-clock", limitS: 7 } });
    expect(store.getState().runStatus).toMatchObject({ message: expect.stringMatching(/more than 7 s of real time.*terminated/) });
  });

  it("reports a worker that ran out of memory as stopped / memory", () => {
    const { store } = startedStore();
    store.getState().applyWorkerMessage({ type: "crashed", reason: "memory", message: "too big" });
    expect(store.getState().runStatus).toEqual({ kind: "stopped", reason: "memory", message: "too big" });
  });

  it("sends the budgets a person set with the next run", () => {
    const { runner, store } = readyStore();
    store.getState().setBudget({ ...store.getState().budget, wallClockS: 60, maxSteps: 5 });
    store.getState().startRun();
    expect(runner.runs[0]!.options.budget).toMatchObject({ wallClockS: 60, maxSteps: 5 });
  });
});
