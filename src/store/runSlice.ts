/**
 * The Python runtime's state and the current run's: starting and stopping runs, and folding every
 * message from the worker into the store. Side effects go through the injected `RunnerPort`.
 */
import type { StateCreator } from "zustand/vanilla";
import { assertNever } from "../lib/assertNever";
import {
  DEFAULT_BUDGET,
  runId as toRunId,
  type ClockMode,
  type HttpRequestSpec,
  type ProgramError,
  type RunBudget,
  type RunnerEvent,
  type RunEnd,
  type RunId,
  type RunOptions,
  type RunTotals,
  type StopReason,
  type StopRung,
} from "../protocol/messages";
import { createTraceStore, type TraceStore } from "../model/traceStore";
import { virtualTime } from "../model/types";
import type { AppState } from "./appState";
import type { RunnerPort } from "./ports";

/** The worker's Python runtime. A stop or a crash replaces the worker, so it boots again. */
export type RuntimeStatus =
  | {
      readonly kind: "booting";
      /** Share of the boot done, 0..1. */
      readonly fraction: number;
      /** What is loading, in plain words (from the worker). */
      readonly stage: string;
    }
  | { readonly kind: "ready"; readonly pythonVersion: string }
  | { readonly kind: "bootFailed"; readonly message: string };

/** The last run's state; `idle` until the first Run. */
export type RunStatus =
  | { readonly kind: "idle" }
  /** Run was pressed while no fresh interpreter was ready: it starts as soon as one is (Stop cancels). */
  | { readonly kind: "starting" }
  | { readonly kind: "running" }
  | { readonly kind: "done" }
  | { readonly kind: "error"; readonly error: ProgramError }
  | {
      readonly kind: "stopped";
      readonly reason: StopReason;
      /** In English: the worker's own words, or for a stop the page made the words of `byPage` and `rung`. */
      readonly message: string;
      /** For stops made by the page (user, wall-clock): how the worker was ended, once known. */
      readonly rung?: StopRung;
      /** A stop the page made, as facts the view words in the page's language (absent: the worker's stop). */
      readonly byPage?: PageStop;
    }
  /** The worker died mid-run; the runner restarts it by itself. */
  | { readonly kind: "crashed"; readonly reason: "fatal"; readonly message: string };

/** Why the page stopped a run: Stop was pressed, or the run passed the real-time limit of `limitS` seconds. */
export type PageStop = { readonly kind: "user" } | { readonly kind: "wall-clock"; readonly limitS: number };

export type RunStatusKind = RunStatus["kind"];

export interface RunSlice {
  readonly runtime: RuntimeStatus;
  /** Whether an interpreter has been ready once: from then on Run is accepted while the next one boots. */
  readonly hasBooted: boolean;
  readonly runStatus: RunStatus;
  /** The run whose messages are accepted; undefined before the first run. */
  readonly currentRunId: RunId | undefined;
  /** The current run's totals: reported by the worker at its end, or counted from the trace when it was cut short. */
  readonly totals: RunTotals | undefined;
  /** Clock mode for the next run. */
  readonly clockMode: ClockMode;
  setClockMode: (mode: ClockMode) => void;
  /** Budgets for the next run (raised by a person in the run settings). */
  readonly budget: RunBudget;
  setBudget: (budget: RunBudget) => void;
  /**
   * Runs the editor's current text; `requests` are sent to its FastAPI app once it is defined
   * (Requests panel). With no interpreter ready yet (the next one boots after every run) the run
   * is `starting` and begins when one is. False (and nothing happens) before the first boot, after
   * a failed boot, or while a run is starting or running.
   */
  startRun: (requests?: readonly HttpRequestSpec[]) => boolean;
  /** Stops the current run, or cancels a starting one (status `stopped`, reason `user`); the runtime reboots. */
  stopRun: () => void;
  applyWorkerMessage: (msg: RunnerEvent) => void;
}

export const USER_STOP_MESSAGE = "you pressed Stop";
const USER_STOP: PageStop = { kind: "user" };
const BOOT_START: RuntimeStatus = { kind: "booting", fraction: 0, stage: "Starting Python" };
const REBOOT: RuntimeStatus = { kind: "booting", fraction: 0, stage: "Restarting Python" };

/**
 * While a run streams in, how often at most its growing trace is shown: a batch is folded into the
 * trace as it arrives (a frame's worth at a time), but `traceVersion`, which every view of the
 * trace re-renders on, is bumped at most once per this many ms (after a quiet spell at once, then
 * in a timer task of its own). Re-rendering every view with every frame's batch made one long task
 * of both, 60 times a second.
 */
export const TRACE_PUBLISH_MS = 100;

/** What a run cut short by the page (stop, crash) has done so far, counted from its trace. */
function totalsFromTrace(trace: TraceStore): RunTotals {
  return { virtualTimeS: trace.endTime, tasks: trace.laneCount, steps: trace.stepCount };
}

function statusOfEnd(end: RunEnd): RunStatus {
  switch (end.status) {
    case "done":
      return { kind: "done" };
    case "error":
      return { kind: "error", error: end.error };
    case "stopped":
      return { kind: "stopped", reason: end.reason, message: end.message };
    default:
      return assertNever(end);
  }
}

export const createRunSlice =
  (runner: RunnerPort): StateCreator<AppState, [], [], RunSlice> =>
  (set, get) => {
    let lastRunId = 0;
    /** The run pressed while no interpreter was ready (status `starting`). */
    let waiting: { readonly id: RunId; readonly source: string; readonly options: RunOptions } | undefined;

    // Showing streamed batches (see TRACE_PUBLISH_MS): a batch after a quiet spell at once (a run's
    // first lanes appear without delay); while batches keep coming, at most once per
    // TRACE_PUBLISH_MS, in a timer task of its own. Whatever else bumps `traceVersion` (the run's
    // end, a stop) shows everything appended so far, so it settles what is pending.
    let publishTimer: ReturnType<typeof setTimeout> | undefined;
    let unpublished = false;
    const publishNow = (): void => {
      unpublished = false;
      set({ traceVersion: get().traceVersion + 1 });
      publishTimer = setTimeout(publishTick, TRACE_PUBLISH_MS); // the cool-down before the next
    };
    const publishTick = (): void => {
      publishTimer = undefined;
      if (unpublished) publishNow();
    };
    const publishSoon = (): void => {
      if (publishTimer === undefined) publishNow();
      else unpublished = true;
    };
    const published = (): void => {
      unpublished = false;
    };

    /**
     * Ends the current run from the page side: close its open segments, count what it did. A Stop
     * keeps the trace open until the runner's `stopOutcome`: the rows the worker hands over while
     * it is being interrupted are the run's last moments and must not be dropped.
     */
    const cutShort = (runStatus: RunStatus, keepOpen = false, runtime: RuntimeStatus = REBOOT): void => {
      const { trace, traceVersion } = get();
      if (!keepOpen) trace.finish(trace.endTime);
      published();
      set({ runStatus, totals: totalsFromTrace(trace), runtime, traceVersion: traceVersion + 1 });
    };

    /** Stop was pressed and the runner has not yet said how the worker ended: its last rows still count. */
    const draining = (): boolean => {
      const { runStatus } = get();
      return runStatus.kind === "stopped" && runStatus.reason === "user" && runStatus.rung === undefined;
    };

    /** The runner ended a run from the page side: say how (and, for wall-clock, end it here). */
    const applyStopOutcome = (msg: Extract<RunnerEvent, { type: "stopOutcome" }>): void => {
      const { runStatus } = get();
      if (msg.reason === "wall-clock") {
        if (runStatus.kind !== "running") return;
        const message = `${wallClockMessage(msg.wallClockS)}; ${rungMessage(msg.rung)}`;
        return cutShort({ kind: "stopped", reason: "wall-clock", message, rung: msg.rung, byPage: { kind: "wall-clock", limitS: msg.wallClockS } });
      }
      if (runStatus.kind !== "stopped" || runStatus.reason !== "user") return;
      const { trace, traceVersion } = get();
      trace.finish(trace.endTime);
      published();
      set({
        runStatus: { ...runStatus, message: `${USER_STOP_MESSAGE}; ${rungMessage(msg.rung)}`, rung: msg.rung },
        totals: totalsFromTrace(trace),
        traceVersion: traceVersion + 1,
      });
    };

    return {
      runtime: BOOT_START,
      hasBooted: false,
      runStatus: { kind: "idle" },
      currentRunId: undefined,
      totals: undefined,
      clockMode: "realistic",
      budget: DEFAULT_BUDGET,

      setClockMode: (clockMode) => set({ clockMode }),
      setBudget: (budget) => set({ budget }),

      startRun: (requests) => {
        const state = get();
        if (state.runStatus.kind === "running" || state.runStatus.kind === "starting") return false;
        const ready = state.runtime.kind === "ready";
        if (!ready && !(state.hasBooted && state.runtime.kind === "booting")) return false;
        const id = toRunId(++lastRunId);
        const source = state.currentSource();
        const options: RunOptions = { clock: state.clockMode, budget: state.budget, ...(requests !== undefined && requests.length > 0 && { requests }) };
        published();
        set({
          source,
          currentRunId: id,
          runStatus: { kind: ready ? "running" : "starting" },
          totals: undefined,
          trace: createTraceStore({ snapTimes: options.clock === "realistic" }),
          traceVersion: state.traceVersion + 1,
          // Replay the new run from its beginning as it streams in, or wait at a linked moment.
          cursorVt: state.pendingCursorVt ?? 0,
          isPlaying: state.pendingCursorVt === undefined,
          pendingCursorVt: undefined,
        });
        if (ready) runner.run(id, source, options);
        else waiting = { id, source, options };
        return true;
      },

      stopRun: () => {
        if (get().runStatus.kind === "starting") {
          waiting = undefined;
          return cutShort({ kind: "stopped", reason: "user", message: USER_STOP_MESSAGE, byPage: USER_STOP }, false, get().runtime); // no worker had it
        }
        if (get().runStatus.kind !== "running") return;
        cutShort({ kind: "stopped", reason: "user", message: USER_STOP_MESSAGE, byPage: USER_STOP }, true);
        runner.stop();
      },

      applyWorkerMessage: (msg) => {
        // A run's leftovers: another run's messages, or anything after the page ended the run.
        if (msg.type === "stopOutcome") return msg.runId === get().currentRunId ? applyStopOutcome(msg) : undefined;
        if ("runId" in msg && (msg.runId !== get().currentRunId || (get().runStatus.kind !== "running" && !(msg.type === "trace" && draining())))) return;
        switch (msg.type) {
          case "progress":
            return set({ runtime: { kind: "booting", fraction: clamp01(msg.fraction), stage: msg.stage } });
          case "ready": {
            set({ runtime: { kind: "ready", pythonVersion: msg.pythonVersion }, hasBooted: true });
            const pressed = waiting;
            if (pressed === undefined || get().runStatus.kind !== "starting" || get().currentRunId !== pressed.id) return;
            waiting = undefined;
            set({ runStatus: { kind: "running" } });
            return runner.run(pressed.id, pressed.source, pressed.options);
          }
          case "bootFailed":
            if (get().runStatus.kind === "starting") {
              waiting = undefined;
              return cutShort({ kind: "crashed", reason: "fatal", message: msg.message }, false, { kind: "bootFailed", message: msg.message });
            }
            return set({ runtime: { kind: "bootFailed", message: msg.message } });
          case "trace": {
            const { trace, traceVersion } = get();
            trace.append(msg.columns, msg.details);
            if (!draining()) return publishSoon();
            published();
            return set({ traceVersion: traceVersion + 1, totals: totalsFromTrace(trace) });
          }
          case "runEnded": {
            const { trace, traceVersion } = get();
            trace.finish(virtualTime(msg.totals.virtualTimeS));
            published();
            return set({ runStatus: statusOfEnd(msg.end), totals: msg.totals, traceVersion: traceVersion + 1 });
          }
          case "crashed":
            if (get().runStatus.kind !== "running") return set({ runtime: REBOOT });
            if (msg.reason === "memory") return cutShort({ kind: "stopped", reason: "memory", message: msg.message });
            return cutShort({ kind: "crashed", reason: "fatal", message: msg.message });
          default:
            return assertNever(msg);
        }
      },
    };
  };

function wallClockMessage(seconds: number): string {
  return `the program ran for more than ${seconds.toLocaleString("en")} s of real time, the limit for one run (raise it under Limits)`;
}

function rungMessage(rung: StopRung): string {
  return rung === "interrupt"
    ? "Python was interrupted"
    : "the Python worker was terminated and a fresh one took over";
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
