/**
 * The await tree at a moment, in the spirit of Python 3.14's `python -m asyncio pstree`: every
 * task that exists then, nested under the task that created it, with what it is doing and — when
 * waiting — on what and at which line. Tasks waiting on each other in a circle are called out.
 */
import { WaitKind } from "../protocol/trace";
import { lanesAt, type Axis, type LaneAt } from "./timeline";
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

/** The tree as text: one task per line, box-drawing branches, cycles listed at the end. */
export function pstreeAt(lanes: readonly Lane[], p: number, axis: Axis = "time", maxLines = PSTREE_MAX_LINES): string {
  const at = lanesAt(lanes, p, axis);
  if (at.length === 0) return "(no tasks yet)";
  const byId = new Map(at.map((entry) => [entry.lane.id, entry]));
  // Names of lanes not in the tree (awaited ones that ended) are looked up only when asked for.
  let allNames: Map<TaskId, string> | undefined;
  const nameOf = (id: TaskId) => byId.get(id)?.lane.name ?? (allNames ??= new Map(lanes.map((lane) => [lane.id, lane.name]))).get(id) ?? `#${id}`;
  const children = new Map<TaskId | undefined, LaneAt[]>();
  for (const entry of at) {
    // A task whose creator is gone by now hangs from the root.
    const parent = entry.lane.parent !== undefined && byId.has(entry.lane.parent) ? entry.lane.parent : undefined;
    const siblings = children.get(parent) ?? [];
    siblings.push(entry);
    children.set(parent, siblings);
  }
  const lines: string[] = [];
  let omitted = 0;
  const visit = (entry: LaneAt, prefix: string, isLast: boolean, isRoot: boolean) => {
    if (lines.length >= maxLines) {
      omitted++;
      for (const kid of children.get(entry.lane.id) ?? []) visit(kid, prefix, true, false);
      return;
    }
    const branch = isRoot ? "" : isLast ? "└── " : "├── ";
    const kind = entry.lane.kind === "thread" ? "thread " : "";
    lines.push(`${prefix}${branch}${kind}${entry.lane.name} · ${entry.lane.coro} · ${describeActivity(entry, nameOf)}`);
    const kids = children.get(entry.lane.id) ?? [];
    const childPrefix = isRoot ? prefix : prefix + (isLast ? "    " : "│   ");
    kids.forEach((kid, i) => visit(kid, childPrefix, i === kids.length - 1, false));
  };
  for (const root of children.get(undefined) ?? []) visit(root, "", true, true);
  if (omitted > 0) lines.push(`… and ${omitted} more task${omitted === 1 ? "" : "s"}`);
  for (const cycle of awaitCycles(at)) {
    lines.push(`⟲ await cycle: ${[...cycle, cycle[0]!].map(nameOf).join(" → ")}`);
  }
  return lines.join("\n");
}
