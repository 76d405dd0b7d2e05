/**
 * The page's view of a run, derived from trace rows (../protocol/trace.ts). Pure data: no DOM, no
 * React. The trace store (./traceStore.ts) holds the rows; everything here is computed from it.
 */
import type { Brand } from "../lib/brand";
import type { EndDetail, WaitKind } from "../protocol/trace";

/** Seconds on the Python loop's clock since the program started. Never wall-clock time. */
export type VirtualTime = Brand<number, "VirtualTime">;
export const virtualTime = (seconds: number) => seconds as VirtualTime;

/** A task's id within one run (1-based; 0 means "the loop / nobody"). */
export type TaskId = Brand<number, "TaskId">;
export const taskId = (n: number) => n as TaskId;

/** What a lane is doing during a segment (DESIGN.md §3). */
export type SegmentState = "ready" | "running" | "waiting" | "blocked" | "done" | "failed" | "cancelled";

/** A lane's end, or `pending` while it lives. Public contract: `[data-testid=lane][data-final-state]`. */
export type FinalState = "done" | "failed" | "cancelled" | "pending";

/** One interval of one state on one lane. */
export interface Segment {
  readonly state: SegmentState;
  readonly start: VirtualTime;
  /** Equal to start for zero-length intervals; open segments end at the trace's current end. */
  readonly end: VirtualTime;
  /** Index of the step (0-based, over the whole run) at which the segment starts; for the steps axis. */
  readonly startStep: number;
  readonly endStep: number;
  /** For `waiting`: what it waits on. */
  readonly waitKind?: WaitKind;
  /** For `waiting` on a task/thread: that lane's id. */
  readonly target?: TaskId;
  /** For `waiting` on a sleep: the seconds it asked for (a sleep cancelled early is shorter). */
  readonly sleepFor?: number;
  /** Source line where the task is paused (waiting) or blocking; 0 = unknown. */
  readonly line?: number;
}

export interface Lane {
  readonly id: TaskId;
  /** "generator": a generator or async generator of the user's code, driven by hand (see generators.py). */
  readonly kind: "task" | "thread" | "generator";
  readonly name: string;
  readonly coro: string;
  /** The task that created it, if any. */
  readonly parent?: TaskId;
  readonly createdAt: VirtualTime;
  readonly createdLine: number;
  /**
   * Every segment, in order (contiguous). A stored lane (./traceStore.ts) decodes them on demand
   * from its compact stream: prefer the methods below when a lane is only asked about one point.
   */
  readonly segments: readonly Segment[];
  /** `segments.length`, without decoding (stored lanes). */
  readonly segmentCount?: number;
  /** Index of the last segment starting at or before p on the axis, or -1 (stored lanes: a binary search over chunk headers). */
  segmentIndexAt?(p: number, axis: "time" | "steps"): number;
  /** Segment `i`, decoded alone (stored lanes). */
  segmentAtIndex?(i: number): Segment | undefined;
  /** The first segment's start on the axis, or undefined before it has one (stored lanes: O(1)). */
  firstStart?(axis: "time" | "steps"): number | undefined;
  /** The segments that overlap [from, to) on the axis, decoded alone (stored lanes: from the chunk where `from` falls). */
  segmentsIn?(from: number, to: number, axis: "time" | "steps"): readonly Segment[];
  /** Visits every segment's start on the axis, in order, allocating nothing (stored lanes). */
  forEachStart?(axis: "time" | "steps", visit: (start: number) => void): void;
  readonly finalState: FinalState;
  readonly end?: EndDetail;
  /** Who requested its cancellation, if anyone (0 = outside any task). */
  readonly cancelledBy?: TaskId;
}

/** The coro name of the main program's lane, drawn when it drives a generator outside any task (generators.py MAIN_CORO). */
export const MAIN_PROGRAM_CORO = "<module>";

/** The lane of the main program (outside any task) driving generators by hand. */
export function isMainProgramLane(lane: Pick<Lane, "kind" | "coro">): boolean {
  return lane.kind === "generator" && lane.coro === MAIN_PROGRAM_CORO;
}

/** One line of printed output, as the console shows it. */
export interface ConsoleLine {
  readonly stream: "stdout" | "stderr";
  readonly text: string;
  /** When the line's first character was printed. */
  readonly vt: VirtualTime;
  /** Name of the task that printed it ("" for the main program outside any task). */
  readonly task: string;
  /** Index of the step during which it was printed (for the steps axis and playback). */
  readonly step: number;
}
