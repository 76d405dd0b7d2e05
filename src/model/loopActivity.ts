/**
 * The loop lane's activity, derived from the task lanes of a ./traceStore.ts store: when the event
 * loop runs a task, is blocked by one, or idles. ./loopLane.ts turns it into the drawn loop lane.
 */
import type { TraceStore } from "./traceStore";
import { virtualTime, type VirtualTime } from "./types";

/** What the event loop is doing, as drawn on the loop lane. */
export type LoopState = "running" | "idle" | "blocked";

export interface LoopSpan {
  readonly start: VirtualTime;
  readonly end: VirtualTime;
  readonly startStep: number;
  readonly endStep: number;
  readonly state: LoopState;
}

const loopMemo = new WeakMap<TraceStore, { readonly version: number; readonly spans: readonly LoopSpan[] }>();

/**
 * The loop lane: `running` while a task (not a thread lane) runs, `blocked` while a task blocks
 * the loop, `idle` otherwise; contiguous from 0 to `store.endTime`, memoised per version. Cost: a
 * full pass over the task lanes' segments plus a sort, per version.
 */
export function loopActivity(store: TraceStore): readonly LoopSpan[] {
  const memo = loopMemo.get(store);
  if (memo?.version === store.version) return memo.spans;
  const busy: LoopSpan[] = [];
  for (const lane of store.lanes()) {
    if (lane.kind !== "task") continue;
    for (const s of lane.segments) {
      if (s.state === "running" || s.state === "blocked") busy.push({ ...s, state: s.state });
    }
  }
  busy.sort((a, b) => a.start - b.start || a.startStep - b.startStep);
  const spans: LoopSpan[] = [];
  let t = 0;
  let step = 0;
  const push = (span: LoopSpan) => {
    const last = spans[spans.length - 1];
    if (last !== undefined && last.state === span.state && last.end >= span.start && last.endStep >= span.startStep) {
      spans[spans.length - 1] = {
        ...last,
        end: virtualTime(Math.max(last.end, span.end)),
        endStep: Math.max(last.endStep, span.endStep),
      };
    } else {
      spans.push(span);
    }
    t = Math.max(t, span.end);
    step = Math.max(step, span.endStep);
  };
  for (const s of busy) {
    if (s.start > t || s.startStep > step) {
      push({ state: "idle", start: virtualTime(t), end: virtualTime(Math.max(t, s.start)), startStep: step, endStep: Math.max(step, s.startStep) });
    }
    const start = Math.max(t, s.start);
    const startStep = Math.max(step, s.startStep);
    push({ state: s.state, start: virtualTime(start), end: virtualTime(Math.max(start, s.end)), startStep, endStep: Math.max(startStep, s.endStep) });
  }
  if (store.endTime > t || store.stepCount > step || spans.length === 0) {
    push({ state: "idle", start: virtualTime(t), end: virtualTime(Math.max(t, store.endTime)), startStep: step, endStep: Math.max(step, store.stepCount) });
  }
  loopMemo.set(store, { version: store.version, spans });
  return spans;
}
