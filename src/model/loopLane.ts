/**
 * The event-loop lane, derived incrementally: the same spans as `loopActivity` (./traceStore.ts:
 * `running` while a task steps, `blocked` while a task blocks the loop, `idle` otherwise,
 * contiguous from 0 to the trace's end) but folded from the new rows only, so a live run with a
 * million steps costs O(new rows) per batch instead of a pass and a sort over every segment.
 * The returned array is owned by the derivation and updated in place on the next call.
 */
import { RowKind, type Detail } from "../protocol/trace";
import type { LoopSpan, LoopState } from "./loopActivity";
import type { TraceStore } from "./traceStore";
import { virtualTime } from "./types";

/** The step the loop is in (one object per derivation, reused: folding allocates nothing per row). */
interface OpenStep {
  task: number;
  state: LoopState;
  start: number;
  startStep: number;
}

/** A closed span, still growing while the next one merges into it. */
type GrowingSpan = { -readonly [K in keyof LoopSpan]: LoopSpan[K] };

interface Derivation {
  steps: number;
  /** Store version `out` was built for. */
  version: number;
  /** Closed spans; the last one may still grow by merging (in place). */
  readonly spans: GrowingSpan[];
  /** The spans handed out: `spans` plus the open tail (replaced in place per call). */
  readonly out: LoopSpan[];
  readonly threads: Set<number>;
  open: OpenStep | undefined;
  /** The object `open` points to when set. */
  readonly slot: OpenStep;
  /** Where the last closed span ended. */
  lastT: number;
  lastStep: number;
}

function push(d: Derivation, state: LoopState, start: number, end: number, startStep: number, endStep: number): void {
  if (end <= start && endStep <= startStep) return;
  const last = d.spans[d.spans.length - 1];
  if (last !== undefined && last.state === state && last.end >= start && last.endStep >= startStep) {
    last.end = virtualTime(Math.max(last.end, end));
    last.endStep = Math.max(last.endStep, endStep);
  } else {
    d.spans.push({ state, start: virtualTime(start), end: virtualTime(end), startStep, endStep });
  }
  d.lastT = Math.max(d.lastT, end);
  d.lastStep = Math.max(d.lastStep, endStep);
}

function openAt(d: Derivation, task: number, state: LoopState, start: number, startStep: number): OpenStep {
  const slot = d.slot;
  slot.task = task;
  slot.state = state;
  slot.start = start;
  slot.startStep = startStep;
  return slot;
}

function idleUntil(d: Derivation, t: number, step: number): void {
  if (t > d.lastT || step > d.lastStep) push(d, "idle", d.lastT, Math.max(d.lastT, t), d.lastStep, Math.max(d.lastStep, step));
}

function fold(d: Derivation, detailOf: (index: number) => Detail | undefined, kind: number, task: number, x: number, t: number): void {
  const step = d.steps;
  if (kind === RowKind.run) d.steps++;
  if (kind === RowKind.created) {
    const detail = detailOf(x);
    if (detail?.k === "lane" && detail.lane !== "task") d.threads.add(task); // threads and generators are not loop steps
    return;
  }
  if (d.threads.has(task)) return;
  const open = d.open;
  switch (kind) {
    case RowKind.run:
      if (open !== undefined) return;
      idleUntil(d, t, step);
      d.open = openAt(d, task, "running", Math.max(t, d.lastT), Math.max(step, d.lastStep));
      return;
    case RowKind.blockStart:
      if (open === undefined || open.task !== task || open.state !== "running") return;
      // Blocking covers its whole step on the steps axis (as the task lane draws it).
      push(d, "running", open.start, Math.max(open.start, t), open.startStep, open.startStep);
      d.open = openAt(d, task, "blocked", Math.max(open.start, t), open.startStep);
      return;
    case RowKind.blockEnd:
      if (open === undefined || open.task !== task || open.state !== "blocked") return;
      push(d, "blocked", open.start, Math.max(open.start, t), open.startStep, Math.max(open.startStep, step));
      d.open = openAt(d, task, "running", Math.max(open.start, t), Math.max(open.startStep, step));
      return;
    case RowKind.suspend:
    case RowKind.finish:
    case RowKind.ready:
      if (open === undefined || open.task !== task) return;
      push(d, open.state, open.start, Math.max(open.start, t), open.startStep, Math.max(open.startStep, step));
      d.lastT = Math.max(d.lastT, t);
      d.lastStep = Math.max(d.lastStep, step);
      d.open = undefined;
      return;
    default:
      return;
  }
}

/** The loop lane's spans for everything in `store` so far; O(new rows) per call. */
export function loopLane(store: TraceStore): readonly LoopSpan[] {
  return store.loop.spans(store.version, store.endTime, store.stepCount);
}

/** Folds rows, in order, into the loop lane; the store owns one and feeds it every row. */
export class LoopLaneFold {
  private readonly d: Derivation = { steps: 0, version: -1, spans: [], out: [], threads: new Set(), open: undefined, slot: { task: 0, state: "idle", start: 0, startStep: 0 }, lastT: 0, lastStep: 0 };

  constructor(private readonly detailOf: (index: number) => Detail | undefined) {}

  fold(kind: number, task: number, x: number, t: number): void {
    fold(this.d, this.detailOf, kind, task, x, t);
  }

  /** Heap bytes held (the spans, as objects). */
  byteSize(): number {
    return 64 * (this.d.spans.length + this.d.out.length) + 40 * this.d.threads.size;
  }

  /** The spans up to the trace's end (`end`, `steps`), rebuilt once per `version`. */
  spans(version: number, end: number, steps: number): readonly LoopSpan[] {
    return spansOf(this.d, version, end, steps);
  }
}

function spansOf(state: Derivation, version: number, end: number, steps: number): readonly LoopSpan[] {
  if (state.version === version) return state.out;
  state.version = version;
  state.out.length = 0;
  for (const s of state.spans) state.out.push(s);
  const tail: LoopSpan[] = [];
  const lastOut = () => tail[tail.length - 1] ?? state.out[state.out.length - 1];
  const add = (s: LoopSpan) => {
    const last = lastOut();
    if (last !== undefined && last.state === s.state && last.end >= s.start && last.endStep >= s.startStep) {
      const merged = { ...last, end: virtualTime(Math.max(last.end, s.end)), endStep: Math.max(last.endStep, s.endStep) };
      if (tail.length > 0) tail[tail.length - 1] = merged;
      else state.out[state.out.length - 1] = merged;
    } else {
      tail.push(s);
    }
  };
  const open = state.open;
  if (open !== undefined) {
    add({ state: open.state, start: virtualTime(open.start), end: virtualTime(Math.max(open.start, end)), startStep: open.startStep, endStep: Math.max(open.startStep, steps) });
  } else if (end > state.lastT || steps > state.lastStep || state.out.length === 0) {
    add({ state: "idle", start: virtualTime(state.lastT), end: virtualTime(Math.max(state.lastT, end)), startStep: state.lastStep, endStep: Math.max(state.lastStep, steps) });
  }
  for (const s of tail) state.out.push(s);
  return state.out;
}
