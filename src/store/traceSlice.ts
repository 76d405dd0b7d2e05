/**
 * The current run's trace. The `TraceStore` is mutable and append-only (it would be far too slow
 * to copy per batch), so every change also bumps `traceVersion`: subscribe to that, not to `trace`.
 * A new run gets a fresh `TraceStore`.
 */
import type { StateCreator } from "zustand/vanilla";
import { createTraceStore, type TraceStore } from "../model/traceStore";
import type { AppState } from "./appState";

export interface TraceSlice {
  readonly trace: TraceStore;
  /** Bumped once per applied batch, per `finish`, and when `trace` is replaced. */
  readonly traceVersion: number;
}

export const createTraceSlice: StateCreator<AppState, [], [], TraceSlice> = () => ({
  trace: createTraceStore(),
  traceVersion: 0,
});
