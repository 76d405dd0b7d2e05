/**
 * The current run's trace. The `TraceStore` is mutable and append-only (it would be far too slow
 * to copy per batch), so every change also bumps `traceVersion`: subscribe to that, not to `trace`.
 * A new run gets a fresh `TraceStore`; so does showing another program (`clearRunResults`).
 */
import type { StateCreator } from "zustand/vanilla";
import { createTraceStore, type TraceStore } from "../model/traceStore";
import type { AppState } from "./appState";

export interface TraceSlice {
  readonly trace: TraceStore;
  /**
   * Bumped when a run's streamed batches are shown (in a task of their own, at most once per
   * `TRACE_PUBLISH_MS`), per `finish`, and when `trace` is replaced.
   */
  readonly traceVersion: number;
  /**
   * Forgets the last run (trace, console, lanes, summary, problems, cursor, selection), for when the
   * editor shows another program: its results would be shown next to code they did not come from.
   * A run in progress is stopped first (it belongs to the program going away); its late messages
   * are then ignored.
   */
  clearRunResults: () => void;
}

export const createTraceSlice: StateCreator<AppState, [], [], TraceSlice> = (set, get) => ({
  trace: createTraceStore(),
  traceVersion: 0,
  clearRunResults: () => {
    const state = get();
    if (state.runStatus.kind === "running") state.stopRun();
    if (state.runStatus.kind === "idle" && state.trace.laneCount === 0) return;
    set((s) => ({
      runStatus: { kind: "idle" },
      currentRunId: undefined,
      totals: undefined,
      trace: createTraceStore(),
      traceVersion: s.traceVersion + 1,
      cursorVt: undefined,
      isPlaying: false,
      selectedTaskId: undefined,
    }));
  },
});
