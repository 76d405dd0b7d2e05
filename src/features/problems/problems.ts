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
  /** For a deadlock or await cycle: the tasks of the cycle it names (empty: none). */
  readonly cycle: readonly TaskId[];
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
      cycle: (detail.cycle ?? []).map(taskId),
    });
  });
  state.version = store.version;
  if (state.problems.length !== before) state.snapshot = state.problems.slice();
  return state.snapshot;
}

/** One key per cycle, whichever task it starts from. */
function cycleKey(cycle: readonly TaskId[]): string | undefined {
  return cycle.length < 2 ? undefined : [...new Set(cycle)].sort((a, b) => a - b).join(",");
}

/**
 * The list a person reads: one entry per deadlocked cycle, not one per task in it. A deadlock
 * names each stuck task's whole chain, so the tasks of one cycle all repeat the same cycle: keep
 * the first entry that names it (the head of its chain, the worker reports heads first) and drop
 * the other cycle members' entries; tasks whose own chain leads into the cycle keep theirs. An
 * await-cycle warning for a cycle a deadlock entry already names is dropped too. Pure.
 */
export function collapseProblems(problems: readonly Problem[]): readonly Problem[] {
  const namedByDeadlock = new Set<string>();
  for (const p of problems) {
    const key = p.code === "deadlock" ? cycleKey(p.cycle) : undefined;
    if (key !== undefined) namedByDeadlock.add(key);
  }
  if (namedByDeadlock.size === 0) return problems;
  const shown = new Set<string>();
  const kept = problems.filter((p) => {
    if (p.code !== "deadlock" && p.code !== "await-cycle") return true;
    const key = cycleKey(p.cycle);
    if (key === undefined) return true;
    if (p.code === "await-cycle") return !namedByDeadlock.has(key);
    const isMember = p.cycle.includes(p.task);
    if (isMember && shown.has(key)) return false;
    shown.add(key);
    return true;
  });
  return kept.length === problems.length ? problems : kept;
}

const collapsed = new WeakMap<readonly Problem[], readonly Problem[]>();

/** `problemsOf`, collapsed for reading (`collapseProblems`); the same array while nothing new was found. */
export function shownProblemsOf(store: TraceStore): readonly Problem[] {
  const all = problemsOf(store);
  let shown = collapsed.get(all);
  if (shown === undefined) {
    shown = collapseProblems(all);
    collapsed.set(all, shown);
  }
  return shown;
}
