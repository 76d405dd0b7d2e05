/**
 * The await tree at a moment, in the spirit of Python 3.14's `python -m asyncio pstree`: every
 * task that exists then, nested under the task that created it, with what it is doing and — when
 * waiting — on what and at which line. Tasks waiting on each other in a circle are called out.
 */
import { WaitKind } from "../protocol/trace";
import { existsAt, lanesAt, segmentAt, type Axis, type LaneAt } from "./timeline";
import { formatDuration } from "./timeFormat";
import type { Lane, TaskId } from "./types";
import { waitKindName } from "./waitKind";

/** What one task is doing, in a few words: "waiting on sleep 1 s (line 5)", "running", "done". */
export function describeActivity(at: Pick<LaneAt, "lane" | "segment">, nameOf: (id: TaskId) => string): string {
  const { segment } = at;
  const line = segment.line ? ` (line ${segment.line})` : "";
  switch (segment.state) {
    case "waiting": {
      const kind = segment.waitKind ?? WaitKind.unknown;
      const target = segment.target !== undefined && segment.target !== 0 ? ` ${nameOf(segment.target)}` : "";
      // A sleep says how long it asked for ("waiting on sleep 1 s"), as its segment's label does.
      const asked = kind === WaitKind.sleep && segment.sleepFor !== undefined ? ` ${formatDuration(segment.sleepFor)}` : "";
      const what = kind === WaitKind.task || kind === WaitKind.thread ? `await${target || " a task"}` : `waiting on ${waitKindName(kind)}${asked}${target}`;
      return `${what}${line}`;
    }
    case "blocked":
      return `blocking the loop${line}`;
    default:
      return segment.state;
  }
}

/** Await cycles among the tasks waiting at this moment, each as the names around the circle. */
export function awaitCycles(at: readonly LaneAt[]): readonly (readonly TaskId[])[] {
  const awaits = new Map<TaskId, TaskId>();
  for (const { lane, segment } of at) {
    if (segment.state === "waiting" && segment.waitKind === WaitKind.task && segment.target) awaits.set(lane.id, segment.target);
  }
  const cycles: TaskId[][] = [];
  const settled = new Set<TaskId>();
  for (const start of awaits.keys()) {
    const path: TaskId[] = [];
    const onPath = new Set<TaskId>();
    let current: TaskId | undefined = start;
    while (current !== undefined && !settled.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = awaits.get(current);
    }
    if (current !== undefined && onPath.has(current)) cycles.push(path.slice(path.indexOf(current)));
    for (const id of path) settled.add(id);
  }
  return cycles;
}

/** Most task lines the tree shows; a run with thousands of live tasks gets a count of the rest. */
export const PSTREE_MAX_LINES = 200;

/**
 * Await cycles are looked for among at most this many tasks: finding them asks every task for its
 * segment at the cursor, which a 10,000-task run cannot afford a few times a second while it plays.
 * (The worker still reports a deadlocked cycle as a problem, at any size.)
 */
export const PSTREE_CYCLE_SCAN_MAX_TASKS = 2_000;

/**
 * The tree as text: one task per line, box-drawing branches, cycles listed at the end. Only the
 * lines shown ask their task for its segment at `p`; which tasks exist there and how they nest
 * (by creator) needs none.
 */
export function pstreeAt(lanes: readonly Lane[], p: number, axis: Axis = "time", maxLines = PSTREE_MAX_LINES): string {
  const present = lanes.filter((lane) => existsAt(lane, p, axis));
  if (present.length === 0) return "(no tasks yet)";
  const byId = new Map(present.map((lane) => [lane.id, lane]));
  // Names of lanes not in the tree (awaited ones that ended) are looked up only when asked for.
  let allNames: Map<TaskId, string> | undefined;
  const nameOf = (id: TaskId) => byId.get(id)?.name ?? (allNames ??= new Map(lanes.map((lane) => [lane.id, lane.name]))).get(id) ?? `#${id}`;
  const children = new Map<TaskId | undefined, Lane[]>();
  for (const lane of present) {
    // A task whose creator is gone by now hangs from the root.
    const parent = lane.parent !== undefined && byId.has(lane.parent) ? lane.parent : undefined;
    const siblings = children.get(parent) ?? [];
    siblings.push(lane);
    children.set(parent, siblings);
  }
  const lines: string[] = [];
  let omitted = 0;
  const visit = (lane: Lane, prefix: string, isLast: boolean, isRoot: boolean) => {
    const segment = lines.length < maxLines ? segmentAt(lane, p, axis) : undefined;
    if (segment === undefined) {
      omitted++;
      for (const kid of children.get(lane.id) ?? []) visit(kid, prefix, true, false);
      return;
    }
    const branch = isRoot ? "" : isLast ? "└── " : "├── ";
    const kind = lane.kind === "thread" ? "thread " : "";
    lines.push(`${prefix}${branch}${kind}${lane.name} · ${lane.coro} · ${describeActivity({ lane, segment }, nameOf)}`);
    const kids = children.get(lane.id) ?? [];
    const childPrefix = isRoot ? prefix : prefix + (isLast ? "    " : "│   ");
    kids.forEach((kid, i) => visit(kid, childPrefix, i === kids.length - 1, false));
  };
  for (const root of children.get(undefined) ?? []) visit(root, "", true, true);
  if (omitted > 0) lines.push(`… and ${omitted} more task${omitted === 1 ? "" : "s"}`);
  if (present.length <= PSTREE_CYCLE_SCAN_MAX_TASKS) {
    for (const cycle of awaitCycles(lanesAt(present, p, axis))) {
      lines.push(`⟲ await cycle: ${[...cycle, cycle[0]!].map(nameOf).join(" → ")}`);
    }
  }
  return lines.join("\n");
}
