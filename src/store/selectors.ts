/**
 * Named reads of the store. Selectors that build an object must be used with `useShallow`
 * (they are marked "shallow").
 */
import type { ProgramError, RunTotals } from "../protocol/messages";
import type { TraceStore } from "../model/traceStore";
import type { AppState } from "./appState";
import { selectCursorVt } from "./playbackSlice";

export const selectSource = (s: AppState) => s.source;
export const selectSourceLoadId = (s: AppState) => s.sourceLoadId;
export const selectSetSource = (s: AppState) => s.setSource;
export const selectAttachSourceReader = (s: AppState) => s.attachSourceReader;

export const selectRuntime = (s: AppState) => s.runtime;
export const selectRunStatus = (s: AppState) => s.runStatus;
export const selectTotals = (s: AppState) => s.totals;
export const selectClockMode = (s: AppState) => s.clockMode;
export const selectSetClockMode = (s: AppState) => s.setClockMode;
export const selectStartRun = (s: AppState) => s.startRun;
export const selectStopRun = (s: AppState) => s.stopRun;

export const selectIsRunning = (s: AppState) => s.runStatus.kind === "running";
/** Running, or pressed and waiting for a fresh interpreter: Stop (Esc) ends or cancels it. */
export const selectCanStop = (s: AppState) => s.runStatus.kind === "running" || s.runStatus.kind === "starting";
export const selectIsRuntimeReady = (s: AppState) => s.runtime.kind === "ready";
export const selectHasBooted = (s: AppState) => s.hasBooted;
/** Once an interpreter has booted, Run stays enabled while the next one boots (the run waits for it). */
export const selectCanRun = (s: AppState) =>
  (s.runtime.kind === "ready" || (s.hasBooted && s.runtime.kind === "booting")) && !selectCanStop(s);

/** Why Run is disabled, in plain words; undefined when it is enabled. */
export const selectRunBlockedReason = (s: AppState): string | undefined => {
  if (s.runStatus.kind === "running") return "A program is running; stop it first.";
  if (s.runStatus.kind === "starting") return "The program starts as soon as a fresh Python is ready.";
  switch (s.runtime.kind) {
    case "ready":
      return undefined;
    case "booting":
      if (s.hasBooted) return undefined;
      return "The Python runtime is still loading.";
    case "bootFailed":
      return `The Python runtime failed to load: ${s.runtime.message}`;
  }
};

/** The last run's uncaught exception or syntax error, if it ended with one. */
export const selectProgramError = (s: AppState): ProgramError | undefined =>
  s.runStatus.kind === "error" ? s.runStatus.error : undefined;

export const selectCurrentRunId = (s: AppState) => s.currentRunId;

export const selectTrace = (s: AppState) => s.trace;
/** The current run's output lines; a new array only when output changed. */
export const selectConsoleLines = (s: AppState) => s.trace.consoleLines();
export const selectTraceVersion = (s: AppState) => s.traceVersion;
export const selectHasTrace = (s: AppState) => s.trace.rowCount > 0;
/**
 * Whether views derived from the whole trace should refresh at a bounded rate (a run streams in,
 * or playback moves the cursor every frame) rather than on every change.
 */
/** The trace, its version and the cursor (shallow): the inputs of a view derived from the whole trace at the cursor. */
export interface TraceAtCursor {
  readonly trace: TraceStore;
  readonly version: number;
  readonly cursor: number;
}
export const selectTraceAtCursor = (s: AppState): TraceAtCursor => ({ trace: s.trace, version: s.traceVersion, cursor: selectCursorVt(s) });

/** The trace's version, the cursor and the selected task's lane (shallow), for the inspector. */
export const selectInspectorInputs = (s: AppState) => ({
  version: s.traceVersion,
  cursor: selectCursorVt(s),
  lane: s.selectedTaskId === undefined ? undefined : s.trace.laneOf(s.selectedTaskId),
});

/** How often such views refresh while the trace is live (ms). */
export const LIVE_REFRESH_MS = 250;
export const selectIsTraceLive = (s: AppState) => s.runStatus.kind === "running" || s.isPlaying;

export const selectAxis = (s: AppState) => s.axis;
export const selectSetAxis = (s: AppState) => s.setAxis;
export const selectSelectedTaskId = (s: AppState) => s.selectedTaskId;
export const selectSelectTask = (s: AppState) => s.selectTask;
/** The selected task's lane in the current run, if it exists there. */
export const selectSelectedTask = (s: AppState) =>
  s.selectedTaskId === undefined ? undefined : s.trace.laneOf(s.selectedTaskId);

/**
 * Totals for the run summary (shallow): the worker's once the run ended, counted live from the
 * trace while it runs, undefined before the first run.
 */
export const selectSummary = (s: AppState): RunTotals | undefined => {
  if (s.totals !== undefined) return s.totals;
  if (s.runStatus.kind !== "running") return undefined;
  return { virtualTimeS: s.trace.endTime, tasks: s.trace.laneCount, steps: s.trace.stepCount };
};

/** The inputs of the status line (shallow). */
export const selectStatusInputs = (s: AppState) => ({ runtime: s.runtime, runStatus: s.runStatus, totals: s.totals });

export const selectBudget = (s: AppState) => s.budget;
export const selectSetBudget = (s: AppState) => s.setBudget;
