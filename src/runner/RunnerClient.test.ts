import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TraceBuilder } from "../model/testing";
import { DEFAULT_BUDGET, PROTOCOL_VERSION, runId, type RunnerEvent, type RunOptions } from "../protocol/messages";
import { FLUSH_BUDGET_MS, FLUSH_CHUNK_ROWS } from "./mergeTraceBatches";
import { RunnerClient } from "./RunnerClient";

/** A stand-in for the Python worker: it keeps the private port the runner hands over in `init`. */
class FakeWorker {
  static all: FakeWorker[] = [];
  port: MessagePort | undefined;
  terminated = false;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(message: { type: string; port?: MessagePort }): void {
    if (message.type === "init") this.port = message.port;
  }
  terminate(): void {
    this.terminated = true;
    this.port?.close();
  }
  /** Says what a booted interpreter says. */
  ready(): void {
    this.port!.postMessage({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion: "3.14.2" });
  }
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** A runner reporting into `events`, with its first `spares` spares booted (one at a time, as it boots them). */
async function bootedRunner(events: RunnerEvent[], spares: 1 | 2): Promise<RunnerClient> {
  const runner = new RunnerClient((event) => events.push(event), { pyodideUrl: "http://localhost/pyodide/" });
  for (let i = 0; i < spares; i++) {
    await settle();
    FakeWorker.all[i]!.ready();
  }
  await settle();
  return runner;
}

/** A runner whose first spare is booted, running run 1, which has just sent one batch of `rows` rows (times 0, 1, 2, …). */
async function runnerWithBigBatch(events: RunnerEvent[], rows: number): Promise<RunnerClient> {
  const runner = await bootedRunner(events, 1);
  runner.run(runId(1), "print(1)", OPTIONS);
  const b = new TraceBuilder().created(1, "main");
  for (let i = 1; i < rows; i++) b.ready(1, i);
  FakeWorker.all[0]!.port!.postMessage({ type: "trace", runId: runId(1), ...b.build() });
  return runner;
}

const traceSlices = (events: readonly RunnerEvent[]) => events.filter((e): e is Extract<RunnerEvent, { type: "trace" }> => e.type === "trace");
const OPTIONS: RunOptions = { clock: "ideal", budget: DEFAULT_BUDGET };

describe("RunnerClient", () => {
  const saved = { Worker: globalThis.Worker, document: (globalThis as { document?: unknown }).document };
  beforeEach(() => {
    FakeWorker.all = [];
    (globalThis as { Worker: unknown }).Worker = FakeWorker;
    (globalThis as { document?: unknown }).document = { baseURI: "http://localhost/", documentElement: { dataset: {} } };
  });
  afterEach(() => {
    (globalThis as { Worker: unknown }).Worker = saved.Worker;
    (globalThis as { document?: unknown }).document = saved.document;
  });

  it("tells the page a spare is ready only after a stopped run's outcome, which waits for the run's pending rows", async () => {
    const events: RunnerEvent[] = [];
    const runner = await bootedRunner(events, 2); // the second spare boots behind the first
    const id = runId(1);
    runner.run(id, "print(1)", OPTIONS);
    // The run streams rows the page has not applied yet (they wait for the next frame) ...
    FakeWorker.all[0]!.port!.postMessage({ type: "trace", runId: id, ...new TraceBuilder().created(1, "main").ready(1, 0).run(1, 0).build() });
    await settle();
    // ... when Stop terminates it (no interrupt buffer here): the outcome follows those rows.
    runner.stop();
    await settle(250);
    const kinds = events.map((e) => e.type);
    const outcome = kinds.lastIndexOf("stopOutcome");
    expect(outcome).toBeGreaterThan(kinds.lastIndexOf("trace"));
    // A cut-short run makes the store expect a reboot, so the ready spare must be announced after it.
    expect(kinds.lastIndexOf("ready")).toBeGreaterThan(outcome);
    runner.dispose();
  });

  it("folds a big batch after animation frames, not inside them, in slices of rows within a frame's budget, every row once and in order", async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    // Every reading of the clock is 3 ms later: a slice "takes" 3 ms, so a frame has room for a few.
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (clock += 3));
    try {
      const events: RunnerEvent[] = [];
      const rows = 10 * FLUSH_CHUNK_ROWS;
      const runner = await runnerWithBigBatch(events, rows);
      await settle();
      const slices = () => traceSlices(events);
      let frame = 0;
      while (frames.length > 0 && frame < 100) {
        frame++;
        const before = slices().length;
        for (const callback of frames.splice(0)) callback(frame * 16);
        expect(slices().length).toBe(before); // nothing folded inside the frame itself
        await settle(5);
        const now = slices().length - before;
        expect(now).toBeGreaterThan(0);
        expect(now).toBeLessThanOrEqual(Math.ceil(FLUSH_BUDGET_MS / 3) + 1);
      }
      expect(frame).toBeGreaterThan(1);
      const times = slices().flatMap((e) => [...e.columns.t]);
      expect(slices().every((e) => e.columns.t.length <= FLUSH_CHUNK_ROWS)).toBe(true);
      expect(times).toEqual(Array.from({ length: rows }, (_, i) => i));
      runner.dispose();
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it("folds everything pending at once in a hidden tab, which gets no animation frames", async () => {
    (globalThis as { document?: { visibilityState?: string } }).document!.visibilityState = "hidden";
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (clock += 3)); // every slice "takes" 3 ms
    try {
      const events: RunnerEvent[] = [];
      const runner = await runnerWithBigBatch(events, 10 * FLUSH_CHUNK_ROWS);
      await settle(150); // one timer, no frame
      const rows = traceSlices(events).reduce((n, e) => n + e.columns.t.length, 0);
      expect(rows).toBe(10 * FLUSH_CHUNK_ROWS);
      runner.dispose();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("boots the replacement spare after a run, not beside it, while another spare waits, and says it boots before it reports", async () => {
    const events: RunnerEvent[] = [];
    const runner = await bootedRunner(events, 2);
    expect(FakeWorker.all).toHaveLength(2);
    runner.run(runId(1), "print(1)", OPTIONS);
    await settle();
    expect(FakeWorker.all).toHaveLength(2); // the second spare waits; nothing boots beside the run
    FakeWorker.all[0]!.port!.postMessage({ type: "runEnded", runId: runId(1), end: { status: "done" }, totals: { virtualTimeS: 0, tasks: 1, steps: 1 } });
    await settle(150);
    expect(FakeWorker.all).toHaveLength(3); // the run ended: its replacement boots
    // The next run takes the waiting spare while the replacement boots: still one boot at a time,
    // and the page hears that the next interpreter is booting (it has not reported anything yet),
    // so a third Run waits for it instead of finding no interpreter.
    events.length = 0;
    runner.run(runId(2), "print(2)", OPTIONS);
    await settle();
    expect(FakeWorker.all).toHaveLength(3);
    expect(events.map((e) => e.type)).toEqual(["progress"]);
    runner.dispose();
  });
});
