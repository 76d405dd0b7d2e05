/**
 * Who did what to whom, derived from the trace rows: the swimlane's arrows (creation, await,
 * wake-up, cancellation) and its lane marks (printed output, asyncio warnings).
 *
 * Every fact comes straight from one row (../protocol/trace.ts):
 * - `created` rows carry the parent → a `create` relation parent → child;
 * - `suspend` rows on a task or thread carry the target → an `await` relation waiter → target;
 *   a suspension on a gather / TaskGroup / wait set does not name its members on the wire, so its
 *   members are taken to be the waiter's children that are alive when it suspends (exact for
 *   `gather(coro(), ...)`, `gather(*tasks)` of its own tasks and TaskGroup bodies; a background
 *   child that is not in the set is drawn too);
 * - `ready` rows carry the waker kind and waking lane → a `wake` relation waker → woken (only
 *   when a lane woke it: a timer or the loop itself has no lane to start from; a task's first
 *   `ready` is its creation, already drawn);
 * - `cancel` rows carry who asked → a `cancel` relation canceller → cancelled (not when the
 *   request came from outside any task).
 *
 * Derivation is incremental and memoised per store: each call folds only the rows that arrived
 * since the last call, so the arrays grow in place (append-only, in row order).
 */
import { RowKind, WAIT_TARGET_SHIFT, WaitKind, WakerKind, type Detail } from "../protocol/trace";
import type { TraceStore } from "./traceStore";
import { taskId, virtualTime, type TaskId, type VirtualTime } from "./types";

export type RelationKind = "create" | "await" | "wake" | "cancel";

/** Every relation kind, in the order the toggles show them. */
export const RELATION_KINDS: readonly RelationKind[] = ["create", "await", "wake", "cancel"];

export interface Relation {
  readonly kind: RelationKind;
  /** The lane the arrow starts on (parent, waiter, waker, canceller). */
  readonly from: TaskId;
  /** The lane it points at (child, awaited task, woken task, cancelled task). */
  readonly to: TaskId;
  readonly t: VirtualTime;
  /** Run rows before the fact: its position on the steps axis. */
  readonly step: number;
  /** For `wake`: how it was woken ({@link WakerKind}). */
  readonly waker?: WakerKind;
  /** For `await`: what the waiter waits on ({@link WaitKind}). */
  readonly waitKind?: WaitKind;
}

export type MarkKind = "output" | "warning";

/** A point event on one lane: it printed, or asyncio would warn there. */
export interface LaneMark {
  readonly kind: MarkKind;
  /** The lane (0 = outside any task: drawn on the loop lane). */
  readonly task: TaskId;
  readonly t: VirtualTime;
  readonly step: number;
  /** The printed text (one write) or the warning's message. */
  readonly text: string;
}

export interface TraceRelations {
  readonly relations: readonly Relation[];
  readonly marks: readonly LaneMark[];
}

/** Wait kinds whose members are the waiter's live children (see the module comment). */
const SET_WAITS: ReadonlySet<number> = new Set([WaitKind.gather, WaitKind.taskGroup, WaitKind.wait]);

interface Derivation {
  /** Rows before this index have been folded in. */
  rows: number;
  /** Run rows seen so far. */
  steps: number;
  version: number;
  readonly relations: Relation[];
  readonly marks: LaneMark[];
  /** Live (not yet finished) children of each lane, in creation order. */
  readonly liveChildren: Map<number, Set<number>>;
  readonly parentOf: Map<number, number>;
  /** Lanes that have had their first `ready` row (the start, not a wake-up). */
  readonly started: Set<number>;
  /** Last mark key per lane, to fold consecutive writes in one step into one mark. */
  readonly lastOutputStep: Map<number, number>;
}

const memo = new WeakMap<TraceStore, Derivation>();

function textOf(detail: Detail | undefined): string | undefined {
  if (detail === undefined) return undefined;
  if (detail.k === "text") return detail.text;
  if (detail.k === "warning") return detail.message;
  return undefined;
}

/** The relations and marks of everything in `store` so far; cost O(rows that are new since the last call). */
export function traceRelations(store: TraceStore): TraceRelations {
  let d = memo.get(store);
  if (d === undefined) {
    d = {
      rows: 0,
      steps: 0,
      version: -1,
      relations: [],
      marks: [],
      liveChildren: new Map(),
      parentOf: new Map(),
      started: new Set(),
      lastOutputStep: new Map(),
    };
    memo.set(store, d);
  }
  if (d.version === store.version) return d;
  const state = d;
  state.rows = store.readRows(state.rows, (kind, task, x, y, t) => foldRow(state, store, kind, task, x, y, t));
  state.version = store.version;
  return state;
}

function foldRow(d: Derivation, store: TraceStore, kind: number, task: number, x: number, y: number, t: number): void {
  const at = virtualTime(t);
  const step = d.steps;
  switch (kind) {
    case RowKind.run:
      d.steps++;
      return;
    case RowKind.created: {
      if (d.parentOf.has(task)) return;
      d.parentOf.set(task, y);
      if (y !== 0) {
        d.relations.push({ kind: "create", from: taskId(y), to: taskId(task), t: at, step });
        let children = d.liveChildren.get(y);
        if (children === undefined) d.liveChildren.set(y, (children = new Set()));
        children.add(task);
      }
      return;
    }
    case RowKind.ready: {
      if (!d.started.has(task)) {
        d.started.add(task);
        if (x === WakerKind.start) return;
      }
      if (y === 0 || y === task || x === WakerKind.start || x === WakerKind.cancel) return;
      d.relations.push({ kind: "wake", from: taskId(y), to: taskId(task), t: at, step, waker: x as WakerKind });
      return;
    }
    case RowKind.suspend: {
      const waitKind = (x & 31) as WaitKind;
      if (waitKind === WaitKind.task || waitKind === WaitKind.thread) {
        const target = x >> WAIT_TARGET_SHIFT;
        if (target !== 0 && target !== task) d.relations.push({ kind: "await", from: taskId(task), to: taskId(target), t: at, step, waitKind });
      } else if (SET_WAITS.has(waitKind)) {
        for (const child of d.liveChildren.get(task) ?? []) {
          d.relations.push({ kind: "await", from: taskId(task), to: taskId(child), t: at, step, waitKind });
        }
      }
      return;
    }
    case RowKind.finish: {
      const parent = d.parentOf.get(task);
      if (parent !== undefined) d.liveChildren.get(parent)?.delete(task);
      return;
    }
    case RowKind.cancel:
      if (x !== 0 && x !== task) d.relations.push({ kind: "cancel", from: taskId(x), to: taskId(task), t: at, step });
      return;
    case RowKind.output: {
      const text = textOf(store.detail(y));
      if (text === undefined || text.trim() === "") return;
      // print("a", "b") is several writes in one step: one mark per lane per step.
      if (d.lastOutputStep.get(task) === step) return;
      d.lastOutputStep.set(task, step);
      d.marks.push({ kind: "output", task: taskId(task), t: at, step, text });
      return;
    }
    case RowKind.warning: {
      const text = textOf(store.detail(x));
      d.marks.push({ kind: "warning", task: taskId(task), t: at, step, text: text ?? "warning" });
      return;
    }
    default:
      return;
  }
}

