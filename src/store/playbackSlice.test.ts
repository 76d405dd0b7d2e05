import { describe, expect, it } from "vitest";
import { TraceBuilder } from "../model/testing";
import { PROTOCOL_VERSION, type FromWorker } from "../protocol/messages";
import { WaitKind } from "../protocol/trace";
import { createAppStore } from "./createAppStore";
import { FakeRunner } from "./fakeRunner";
import { playbackRate, selectCursorVt, selectPlacedCursorVt } from "./playbackSlice";

/** A store that ran three count() tasks (One, sleep 1, Two) to the end at t = `end`. */
function finishedCounters(end = 1) {
  return finishedCountersIn(createAppStore({ runner: new FakeRunner() }), end);
}

function finishedCountersIn(store: ReturnType<typeof createAppStore>, end: number) {
  store.getState().applyWorkerMessage({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14" });
  store.getState().startRun();
  const runId = store.getState().currentRunId!;
  const b = new TraceBuilder();
  b.created(1, "Task-1", 0).ready(1, 0).run(1, 0).suspend(1, 0, WaitKind.gather);
  for (const id of [2, 3, 4]) b.created(id, `Task-${id}`, 1).ready(id, 0);
  for (const id of [2, 3, 4]) b.run(id, 0).suspend(id, 0, WaitKind.sleep, 0, 5);
  for (const id of [2, 3, 4]) b.ready(id, end).run(id, end).finish(id, end);
  b.ready(1, end).run(1, end).finish(1, end);
  const { columns, details } = b.build();
  const messages: FromWorker[] = [
    { type: "trace", runId, columns, details },
    { type: "runEnded", runId, end: { status: "done" }, totals: { virtualTimeS: end, tasks: 4, steps: 8 } },
  ];
  for (const m of messages) store.getState().applyWorkerMessage(m);
  return store;
}

describe("playback", () => {
  it("replays a new run from its start", () => {
    const store = finishedCounters();
    expect(store.getState().cursorVt).toBe(0);
    expect(store.getState().isPlaying).toBe(true);
  });

  it("plays a short run in real time and stops at its end", () => {
    const store = finishedCounters(3);
    store.getState().tick(500);
    expect(selectCursorVt(store.getState())).toBeCloseTo(0.5);
    store.getState().tick(5000);
    expect(selectCursorVt(store.getState())).toBe(3);
    expect(store.getState().isPlaying).toBe(false);
  });

  it("waits at the end of a live run without an update per frame, and moves on when it grows", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().applyWorkerMessage({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14" });
    store.getState().startRun();
    const runId = store.getState().currentRunId!;
    const append = (b: TraceBuilder) => store.getState().applyWorkerMessage({ type: "trace", runId, ...b.build() });
    append(new TraceBuilder().created(1, "main").ready(1, 0).run(1, 0).suspend(1, 0.5, WaitKind.sleep, 0, 3));
    store.getState().tick(1000);
    expect(selectCursorVt(store.getState())).toBe(0.5);
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    for (let frame = 0; frame < 10; frame++) store.getState().tick(16);
    expect(updates).toBe(0);
    append(new TraceBuilder().ready(1, 1.5).run(1, 1.5));
    store.getState().tick(500);
    expect(selectCursorVt(store.getState())).toBe(1);
    expect(store.getState().isPlaying).toBe(true);
    unsubscribe();
  });

  it("fits a long run into about ten seconds at auto speed", () => {
    expect(playbackRate("auto", 60, true)).toBe(6);
    expect(playbackRate("auto", 3, true)).toBe(1);
    expect(playbackRate("auto", 60, false)).toBe(1);
    expect(playbackRate(0.25, 60, true)).toBe(0.25);
  });

  it("steps to the next and previous state change", () => {
    const store = finishedCounters();
    store.getState().setCursor(0.5);
    expect(store.getState().isPlaying).toBe(false);
    store.getState().stepForward();
    expect(selectCursorVt(store.getState())).toBe(1);
    store.getState().stepBack();
    expect(selectCursorVt(store.getState())).toBe(0);
  });

  it("restarts from the beginning when played at the end", () => {
    const store = finishedCounters();
    store.getState().jumpToEnd();
    store.getState().togglePlay();
    expect(store.getState().cursorVt).toBe(0);
    expect(store.getState().isPlaying).toBe(true);
  });

  it("waits at a linked moment instead of replaying, once", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().applyWorkerMessage({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14" });
    store.getState().setPendingCursor(0.5);
    store.getState().startRun();
    expect(store.getState().cursorVt).toBe(0.5);
    expect(store.getState().isPlaying).toBe(false);
    expect(store.getState().pendingCursorVt).toBeUndefined();
  });

  it("stands at the run's end when a link's moment lies after it", () => {
    const store = createAppStore({ runner: new FakeRunner() });
    store.getState().setPendingCursor(5);
    const finished = finishedCountersIn(store, 1);
    expect(selectCursorVt(finished.getState())).toBe(1);
    expect(selectPlacedCursorVt(finished.getState())).toBe(1);
    // Stepping back from there goes to the event before the end, not from t = 5.
    finished.getState().stepBack();
    expect(finished.getState().cursorVt).toBeLessThan(1);
  });

  it("follows the live end when asked", () => {
    const store = finishedCounters(2);
    store.getState().followLive();
    expect(store.getState().cursorVt).toBeUndefined();
    expect(selectCursorVt(store.getState())).toBe(2);
  });
});
