/**
 * Questions about a moment of the run: what every task is doing at a cursor position, and where
 * the previous and next events are. A cursor is a position on one of the two axes: virtual
 * seconds on the time axis, a step index on the steps axis.
 *
 * Lanes keep their segments sorted and contiguous, so "the segment at p" is a binary search per
 * lane, and the event positions of a whole run are one sorted typed array built once per trace
 * version (the caller memoises the `EventIndex`).
 */
import type { Lane, Segment } from "./types";

export type Axis = "time" | "steps";

const startOf = (segment: Segment, axis: Axis): number => (axis === "time" ? segment.start : segment.startStep);

/**
 * The segment a lane is in at position `p`: the last one starting at or before p (segments are
 * contiguous, so it covers p). Undefined before the lane exists; after a finished lane's end, its
 * terminal segment (the lane stays "done").
 */
export function segmentAt(lane: Lane, p: number, axis: Axis = "time"): Segment | undefined {
  return segmentAtIndex(lane, segmentIndexAt(lane, p, axis));
}

/** Segment `i` of a lane (decoded alone for a stored lane), or undefined. */
export function segmentAtIndex(lane: Lane, i: number): Segment | undefined {
  if (i < 0) return undefined;
  return lane.segmentAtIndex !== undefined ? lane.segmentAtIndex(i) : lane.segments[i];
}

/** Index of the segment a lane is in at `p` (see `segmentAt`), or -1. */
export function segmentIndexAt(lane: Lane, p: number, axis: Axis = "time"): number {
  if (lane.segmentIndexAt !== undefined) return lane.segmentIndexAt(p, axis);
  const segments = lane.segments;
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(segments[mid]!, axis) <= p) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** One lane and what it is doing at a position. */
export interface LaneAt {
  readonly lane: Lane;
  readonly segment: Segment;
  /** The segment's index in the lane. */
  readonly index: number;
}

/** Whether the lane has begun by `p` (its first segment starts at or before it): `segmentAt` is defined there. */
export function existsAt(lane: Lane, p: number, axis: Axis = "time"): boolean {
  const first = lane.firstStart !== undefined ? lane.firstStart(axis) : lane.segments[0] === undefined ? undefined : startOf(lane.segments[0], axis);
  return first !== undefined && first <= p;
}

/** Every lane that exists at `p`, with its segment there; lanes not yet created are left out. */
export function lanesAt(lanes: readonly Lane[], p: number, axis: Axis = "time"): readonly LaneAt[] {
  const result: LaneAt[] = [];
  for (const lane of lanes) {
    const index = segmentIndexAt(lane, p, axis);
    const segment = segmentAtIndex(lane, index);
    if (segment !== undefined) result.push({ lane, segment, index });
  }
  return result;
}

/** Sorted, distinct positions where any lane changes state; answers next/previous in O(log n). */
export class EventIndex {
  readonly positions: Float64Array;

  constructor(lanes: readonly Lane[], readonly axis: Axis = "time") {
    let count = 0;
    for (const lane of lanes) count += lane.segmentCount ?? lane.segments.length;
    const all = new Float64Array(count);
    let i = 0;
    const put = (start: number) => {
      if (i < count) all[i++] = start;
    };
    for (const lane of lanes) {
      if (lane.forEachStart !== undefined) lane.forEachStart(axis, put);
      else for (const segment of lane.segments) put(startOf(segment, axis));
    }
    all.sort();
    let distinct = 0;
    for (let j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[distinct - 1]) all[distinct++] = all[j]!;
    this.positions = all.slice(0, distinct);
  }

  /** The first event strictly after p, if any. */
  next(p: number): number | undefined {
    const i = this.firstAbove(p);
    return i < this.positions.length ? this.positions[i] : undefined;
  }

  /** The last event strictly before p, if any. */
  previous(p: number): number | undefined {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.positions[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.positions[lo - 1] : undefined;
  }

  private firstAbove(p: number): number {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.positions[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The steps-axis position of a virtual time: where the last step begun by then starts. */
export function stepAt(lanes: readonly Lane[], vt: number): number {
  let step = 0;
  for (const { segment } of lanesAt(lanes, vt)) if (segment.startStep > step) step = segment.startStep;
  return step;
}
