/**
 * The run's problems: every warning row of the trace (asyncio's own warnings, blocking calls, slow
 * steps, deadlocks and await cycles — see WarningDetail in ../../protocol/trace.ts) as a list a
 * person can read, each naming its task and line. Pure; derived incrementally per trace store.
 */
import { RowKind } from "../../protocol/trace";
import type { TraceStore } from "../../model/traceStore";
import { taskId, virtualTime, type TaskId, type VirtualTime } from "../../model/types";

export interface Problem {
  /** Stable machine name ("never-awaited", "deadlock", ...); `data-kind` in the page. */
  readonly code: string;
  readonly message: string;
  /** Line in the user's program; 0 = unknown. */
  readonly line: number;
  /** The lane it belongs to; 0 = the program outside any task. */
  readonly task: TaskId;
  /** That lane's name ("" outside any task). */
  readonly taskName: string;
  readonly t: VirtualTime;
}

interface Derivation {
  rows: number;
  version: number;
  readonly names: Map<number, string>;
  readonly problems: Problem[];
  snapshot: readonly Problem[];
}

const memo = new WeakMap<TraceStore, Derivation>();

/** Every problem of the run so far, in the order they were found; a new array only when one was added. */
export function problemsOf(store: TraceStore): readonly Problem[] {
  let d = memo.get(store);
  if (d === undefined) {
    d = { rows: 0, version: -1, names: new Map(), problems: [], snapshot: [] };
    memo.set(store, d);
  }
  if (d.version === store.version) return d.snapshot;
  const state = d;
  const before = state.problems.length;
  state.rows = store.readRows(state.rows, (kind, task, x, _y, t) => {
    if (kind === RowKind.created) {
      const detail = store.detail(x);
      if (detail?.k === "lane") state.names.set(task, detail.name);
      return;
    }
    if (kind !== RowKind.warning) return;
    const detail = store.detail(x);
    if (detail?.k !== "warning") return;
    state.problems.push({
      code: detail.code,
      message: detail.message,
      line: detail.line,
      task: taskId(task),
      taskName: state.names.get(task) ?? "",
      t: virtualTime(t),
    });
  });
  state.version = store.version;
  if (state.problems.length !== before) state.snapshot = state.problems.slice();
  return state.snapshot;
}
