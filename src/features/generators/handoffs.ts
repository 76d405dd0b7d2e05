/**
 * What passed between each generator lane and its driver, in order: `next()` / `send(10)` /
 * `throw(...)` / `close()` going in, `yielded 3` / `returned 42 (StopIteration)` coming out, and
 * where the generator paused (the line of its `yield`). Read from the trace's `handoff` rows and
 * the generator lanes' `suspend` rows (see generators.py). Pure; derived incrementally per store.
 */
import { HandoffDirection, RowKind, WaitKind } from "../../protocol/trace";
import type { TraceStore } from "../../model/traceStore";
import { taskId, virtualTime, type TaskId, type VirtualTime } from "../../model/types";

export interface Handoff {
  readonly dir: "in" | "out";
  /** As the worker wrote it: "send(10)", "yielded 3", ... */
  readonly text: string;
  readonly t: VirtualTime;
  /** For a value that came out at a `yield`: the line where the generator paused; else 0. */
  readonly line: number;
}

export interface GeneratorStory {
  readonly id: TaskId;
  readonly name: string;
  readonly handoffs: readonly Handoff[];
}

interface Builder {
  readonly id: TaskId;
  readonly name: string;
  readonly handoffs: Handoff[];
}

interface Derivation {
  rows: number;
  version: number;
  readonly byId: Map<number, Builder>;
  readonly order: Builder[];
  snapshot: readonly GeneratorStory[];
}

const memo = new WeakMap<TraceStore, Derivation>();

/** The coro name of the main program's lane (generators.py MAIN_CORO). */
export const MAIN_CORO = "<module>";

/** Every generator lane with its handoffs so far, in creation order. */
export function generatorStories(store: TraceStore): readonly GeneratorStory[] {
  let d = memo.get(store);
  if (d === undefined) {
    d = { rows: 0, version: -1, byId: new Map(), order: [], snapshot: [] };
    memo.set(store, d);
  }
  if (d.version === store.version) return d.snapshot;
  const state = d;
  let changed = false;
  state.rows = store.readRows(state.rows, (kind, task, x, y, t) => {
    if (kind === RowKind.created) {
      const detail = store.detail(x);
      // The main program's lane (coro "<module>") drives generators; it has no handoffs of its own.
      if (detail?.k === "lane" && detail.lane === "generator" && detail.coro !== MAIN_CORO && !state.byId.has(task)) {
        const b: Builder = { id: taskId(task), name: detail.name, handoffs: [] };
        state.byId.set(task, b);
        state.order.push(b);
        changed = true;
      }
      return;
    }
    if (kind !== RowKind.handoff && kind !== RowKind.suspend) return;
    const b = state.byId.get(task);
    if (b === undefined) return;
    if (kind === RowKind.handoff) {
      const detail = store.detail(x);
      if (detail?.k !== "text" || (y !== HandoffDirection.in && y !== HandoffDirection.out)) return;
      b.handoffs.push({ dir: y === HandoffDirection.in ? "in" : "out", text: detail.text, t: virtualTime(t), line: 0 });
      changed = true;
      return;
    }
    // A pause at a yield: the line belongs to the value that just came out.
    const last = b.handoffs[b.handoffs.length - 1];
    if ((x & 31) === WaitKind.yield && last !== undefined && last.dir === "out" && last.line === 0) {
      b.handoffs[b.handoffs.length - 1] = { ...last, line: y };
      changed = true;
    }
  });
  state.version = store.version;
  if (changed) state.snapshot = state.order.map((b) => ({ id: b.id, name: b.name, handoffs: b.handoffs.slice() }));
  return state.snapshot;
}
