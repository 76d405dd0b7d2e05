/**
 * Where each live task is in the source at the cursor, for marks in the editor. Pure: computed
 * from the lanes; the editor turns the result into decorations.
 */
import { segmentAtIndex, segmentIndexAt } from "../../model/timeline";
import type { Lane, SegmentState } from "../../model/types";

/** How many distinct task colours the editor cycles through (CSS classes task-mark--0…7). */
export const TASK_MARK_COLOURS = 8;

/** Marks drawn side by side in the gutter of one line; more tasks on the line share the last slot. */
export const GUTTER_SLOTS = 3;

export interface TaskMark {
  readonly line: number;
  readonly task: string;
  readonly state: SegmentState;
  /** Index into the task colours; stable per task. */
  readonly colour: number;
}

const ENDED: ReadonlySet<SegmentState> = new Set(["done", "failed", "cancelled"]);

/** One mark per live task whose line is known, in lane order; of `lanes[from, to)` only, if given. */
export function taskMarksAt(lanes: readonly Lane[], cursorVt: number, from = 0, to = lanes.length): TaskMark[] {
  const marks: TaskMark[] = [];
  for (let i = from; i < to; i++) {
    const lane = lanes[i]!;
    const index = segmentIndexAt(lane, cursorVt);
    const segment = segmentAtIndex(lane, index);
    if (segment === undefined || ENDED.has(segment.state)) continue;
    // A running task has no line of its own yet: it is headed for the line where it next pauses.
    // Asked for right after the search, the next segment is the one the search read last.
    const line = segment.line || (segmentAtIndex(lane, index + 1)?.line ?? 0);
    if (line > 0) marks.push({ line, task: lane.name, state: segment.state, colour: lane.id % TASK_MARK_COLOURS });
  }
  return marks;
}

/**
 * The marks that can be seen: at most GUTTER_SLOTS per line (the last slot is shared), plus the
 * selected task's. Ten thousand tasks paused on one line would otherwise be ten thousand
 * decorations for the editor to keep and re-lay out a few times a second.
 */
export function marksToDraw(marks: readonly TaskMark[], selectedName: string | undefined): readonly TaskMark[] {
  const perLine = new Map<number, number>();
  return marks.filter((mark) => {
    const count = perLine.get(mark.line) ?? 0;
    if (count >= GUTTER_SLOTS && mark.task !== selectedName) return false;
    perLine.set(mark.line, count + 1);
    return true;
  });
}
