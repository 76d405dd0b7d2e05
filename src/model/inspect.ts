/**
 * What the inspector says about one task: where its time went, and what it awaits at a moment.
 */
import { WaitKind } from "../protocol/trace";
import { describeActivity } from "./pstree";
import { segmentAt } from "./timeline";
import type { Lane, TaskId } from "./types";
import { waitKindName } from "./waitKind";

/** Finds a lane by id (e.g. `TraceStore.laneOf`, O(1), instead of a map over every lane). */
export type LaneLookup = (id: TaskId) => Lane | undefined;

function lookupOf(lanes: readonly Lane[]): LaneLookup {
  const byId = new Map<TaskId, Lane>(lanes.map((lane) => [lane.id, lane]));
  return (id) => byId.get(id);
}

/** Time spent per state ("waiting" split by what was awaited), in the order first seen. */
export function timeByState(lane: Lane): readonly { readonly label: string; readonly seconds: number }[] {
  const totals = new Map<string, number>();
  for (const segment of lane.segments) {
    if (segment.state === "done" || segment.state === "failed" || segment.state === "cancelled") continue;
    const label = segment.state === "waiting" ? `waiting on ${waitKindName(segment.waitKind ?? WaitKind.unknown)}` : segment.state;
    totals.set(label, (totals.get(label) ?? 0) + (segment.end - segment.start));
  }
  return [...totals].map(([label, seconds]) => ({ label, seconds }));
}

/**
 * The chain of awaits from a task at a moment: "Task-1: await Task-2 (line 9)", then what Task-2
 * is doing, and so on, until a task that is not awaiting another task (or a cycle closes).
 */
export function awaitChainAt(lanes: readonly Lane[] | LaneLookup, start: Lane, p: number): readonly string[] {
  const laneOf = typeof lanes === "function" ? lanes : lookupOf(lanes);
  const nameOf = (id: TaskId) => laneOf(id)?.name ?? `#${id}`;
  const chain: string[] = [];
  const seen = new Set<TaskId>();
  let lane: Lane | undefined = start;
  while (lane !== undefined && !seen.has(lane.id)) {
    seen.add(lane.id);
    const segment = segmentAt(lane, p);
    if (segment === undefined) break;
    chain.push(`${lane.name}: ${describeActivity({ lane, segment }, nameOf)}`);
    const awaitsTask = segment.state === "waiting" && (segment.waitKind === WaitKind.task || segment.waitKind === WaitKind.thread);
    lane = awaitsTask && segment.target ? laneOf(segment.target) : undefined;
  }
  if (lane !== undefined && seen.has(lane.id)) chain.push(`⟲ back to ${lane.name}: an await cycle`);
  return chain;
}
