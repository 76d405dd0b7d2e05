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
 *   request came from outside any task);
 * - an `exception` relation failed task → the task its exception reached, from three facts the
 *   trace has (a `finish` row with outcome failed, the receiver's last `suspend` and its `ready`
 *   row naming the waker):
 *   1. a task that awaited it directly (`await task`, `wait_for`, `to_thread`) or through a gather /
 *      TaskGroup is woken by its completion (`ready`, waker done/thread, by = the failed task) —
 *      the exception is raised at that await (the `ready` row may come just before the `finish`
 *      row, in the failing step, so such wake-ups wait for the end of the step);
 *   2. a TaskGroup cancels the failed child's siblings and its own body task: the `cancel` rows
 *      that follow a failure without a step in between and come from outside any task (a loop
 *      callback: TaskGroup's `_on_task_done`) and hit the failed task's parent or a sibling are
 *      drawn from the failed task (they are cancelled *because* it failed).
 *   Not on the wire: whether a gather had `return_exceptions=True`. Such a gather wakes its waiter
 *   only when the last member ends; if that last member failed, the arrow is drawn although the
 *   exception arrives as a value. `asyncio.wait` never raises its members' exceptions: not drawn.
 *
 * Derivation is incremental and owned by the store (./traceStore.ts keeps no rows, so it feeds
 * each row to a {@link RelationsFold} as the row arrives): the arrays grow in place (append-only,
 * in row order), O(1) per row.
 */
import { Outcome, RowKind, WAIT_TARGET_SHIFT, WaitKind, WakerKind, type Detail } from "../protocol/trace";
import type { TraceStore } from "./traceStore";
import { taskId, virtualTime, type TaskId, type VirtualTime } from "./types";

export type RelationKind = "create" | "await" | "wake" | "cancel" | "exception";

/** Every relation kind, in the order the toggles show them. */
export const RELATION_KINDS: readonly RelationKind[] = ["create", "await", "wake", "cancel", "exception"];

export interface Relation {
  readonly kind: RelationKind;
  /** The lane the arrow starts on (parent, waiter, waker, canceller, failed task). */
  readonly from: TaskId;
  /** The lane it points at (child, awaited task, woken task, cancelled task, task the exception reached). */
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

/** Set waits that raise a member's exception in the waiter (not `asyncio.wait`). */
const RAISING_SET_WAITS: ReadonlySet<number> = new Set([WaitKind.gather, WaitKind.taskGroup]);

/** A wake-up that may deliver an exception once the waking step ends. */
interface PendingWake {
  readonly waiter: number;
  readonly t: VirtualTime;
  readonly step: number;
}

interface Derivation {
  /** Run rows seen so far. */
  steps: number;
  readonly relations: Relation[];
  readonly marks: LaneMark[];
  /** Live (not yet finished) children of each lane, in creation order. */
  readonly liveChildren: Map<number, Set<number>>;
  readonly parentOf: Map<number, number>;
  /** Last mark key per lane, to fold consecutive writes in one step into one mark. */
  readonly lastOutputStep: Map<number, number>;
  /** Each lane's last suspension: the suspend row's x (wait kind | target << 5), a number to allocate nothing. */
  readonly lastWait: Map<number, number>;
  /** Lanes that ended failed, and lanes that ended at all. */
  readonly failed: Set<number>;
  readonly ended: Set<number>;
  /** The lane whose step is running (0 = between steps), and whom it woke by completing. */
  running: number;
  pendingWakes: PendingWake[];
  /** Right after a failure, until the next step: cancellations from a callback are its consequence. */
  failure: { readonly task: number; readonly parent: number } | undefined;
  /** from:to of the exception relations so far (a task receives a given failure once). */
  readonly exceptionPairs: Set<string>;
}

function textOf(detail: Detail | undefined): string | undefined {
  if (detail === undefined) return undefined;
  if (detail.k === "text") return detail.text;
  if (detail.k === "warning") return detail.message;
  return undefined;
}

/** The relations and marks of everything in `store` so far (folded as rows arrive: O(1) here). */
export function traceRelations(store: TraceStore): TraceRelations {
  return store.relations;
}

/** Folds rows, in order, into relations and marks; the store owns one and feeds it every row. */
export class RelationsFold implements TraceRelations {
  private readonly d: Derivation = {
    steps: 0,
    relations: [],
    marks: [],
    liveChildren: new Map(),
    parentOf: new Map(),
    lastOutputStep: new Map(),
    lastWait: new Map(),
    failed: new Set(),
    ended: new Set(),
    running: 0,
    pendingWakes: [],
    failure: undefined,
    exceptionPairs: new Set(),
  };

  constructor(private readonly detailOf: (index: number) => Detail | undefined) {}

  get relations(): readonly Relation[] {
    return this.d.relations;
  }

  get marks(): readonly LaneMark[] {
    return this.d.marks;
  }

  /**
   * Estimated heap bytes held: per-lane map entries (~28 B in a V8 Map with its slack, ~20 B in a
   * Set) and ~48 B per relation or mark object.
   */
  byteSize(): number {
    const d = this.d;
    let children = 0;
    for (const set of d.liveChildren.values()) children += 40 + 20 * set.size;
    return 28 * (d.parentOf.size + d.lastWait.size + d.lastOutputStep.size) + 20 * (d.ended.size + d.failed.size) + children + 48 * (d.relations.length + d.marks.length);
  }

  fold(kind: number, task: number, x: number, y: number, t: number): void {
    foldRow(this.d, this.detailOf, kind, task, x, y, t);
  }
}

/** Whether `waiter`, woken by `source` ending, had the exception raised in it (see the module comment). */
function receivesFrom(d: Derivation, waiter: number, source: number): boolean {
  const wait = d.lastWait.get(waiter);
  if (wait === undefined) return false;
  const kind = wait & 31;
  if (kind === WaitKind.task || kind === WaitKind.thread) return wait >> WAIT_TARGET_SHIFT === source;
  return RAISING_SET_WAITS.has(kind);
}

function pushException(d: Derivation, from: number, to: number, t: VirtualTime, step: number): void {
  const key = `${from}:${to}`;
  if (from === to || d.exceptionPairs.has(key)) return;
  d.exceptionPairs.add(key);
  d.relations.push({ kind: "exception", from: taskId(from), to: taskId(to), t, step });
}

function foldRow(d: Derivation, detailOf: (index: number) => Detail | undefined, kind: number, task: number, x: number, y: number, t: number): void {
  const at = virtualTime(t);
  const step = d.steps;
  switch (kind) {
    case RowKind.run:
      d.steps++;
      d.running = task;
      if (d.pendingWakes.length > 0) d.pendingWakes = [];
      d.failure = undefined;
      return;
    case RowKind.loopEnd:
      d.failure = undefined;
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
      // A task's first `ready` (waker start) is its creation, already drawn.
      if (y === 0 || y === task || x === WakerKind.start || x === WakerKind.cancel) return;
      d.relations.push({ kind: "wake", from: taskId(y), to: taskId(task), t: at, step, waker: x as WakerKind });
      if ((x === WakerKind.done || x === WakerKind.thread) && receivesFrom(d, task, y)) {
        if (d.failed.has(y)) pushException(d, y, task, at, step);
        else if (y === d.running) d.pendingWakes.push({ waiter: task, t: at, step });
      }
      return;
    }
    case RowKind.suspend: {
      const waitKind = (x & 31) as WaitKind;
      d.lastWait.set(task, x);
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
      d.ended.add(task);
      if (x === Outcome.failed) {
        d.failed.add(task);
        if (task === d.running) for (const w of d.pendingWakes) pushException(d, task, w.waiter, w.t, w.step);
        d.failure = parent !== undefined && parent !== 0 && !d.ended.has(parent) ? { task, parent } : undefined;
      }
      if (task === d.running && d.pendingWakes.length > 0) d.pendingWakes = [];
      return;
    }
    case RowKind.cancel: {
      if (x !== 0 && x !== task) d.relations.push({ kind: "cancel", from: taskId(x), to: taskId(task), t: at, step });
      const failure = d.failure;
      if (x === 0 && failure !== undefined && task !== failure.task && (task === failure.parent || d.parentOf.get(task) === failure.parent)) {
        pushException(d, failure.task, task, at, step);
      }
      return;
    }
    case RowKind.output: {
      const text = textOf(detailOf(y));
      if (text === undefined || text.trim() === "") return;
      // print("a", "b") is several writes in one step: one mark per lane per step.
      if (d.lastOutputStep.get(task) === step) return;
      d.lastOutputStep.set(task, step);
      d.marks.push({ kind: "output", task: taskId(task), t: at, step, text });
      return;
    }
    case RowKind.warning: {
      const text = textOf(detailOf(x));
      d.marks.push({ kind: "warning", task: taskId(task), t: at, step, text: text ?? "warning" });
      return;
    }
    default:
      return;
  }
}

