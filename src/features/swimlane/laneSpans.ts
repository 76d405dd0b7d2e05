/**
 * Which of a lane's segments the painter decodes for a row in view, and whether a drawn segment is
 * still going on. Pure: tested without a DOM.
 */
import { segmentAtIndex } from "../../model/timeline";
import type { Lane, Segment } from "../../model/types";
import type { Axis, Span } from "./geometry";

/**
 * Zoomed in to less than this share of the run, a row decodes only the segments overlapping the
 * shown range (a stored lane reads them from the chunk where the range starts). Wider, it takes
 * the whole lane, which the store keeps decoded in its cache, so repainting the same rows while
 * panning or while a run streams in decodes nothing again.
 */
export const RANGE_DECODE_BELOW = 0.25;

/** The segments of `lane` to lay out for the shown `domain` of the whole run `full` (axis units). */
export function spansInView(lane: Lane, domain: readonly [number, number], full: readonly [number, number], axis: Axis): readonly Segment[] {
  const zoomedIn = domain[1] - domain[0] < RANGE_DECODE_BELOW * (full[1] - full[0]);
  return zoomedIn && lane.segmentsIn !== undefined ? lane.segmentsIn(domain[0], domain[1], axis) : lane.segments;
}

/**
 * Whether `spans[index]`, drawn for `lane`, is the last segment of a lane that has not ended: it
 * goes on (a sleep there is not cut short). `spans` may be the lane's segments in a range only.
 */
export function isOngoing(lane: Lane | undefined, spans: readonly Span[], index: number): boolean {
  if (lane === undefined || lane.finalState !== "pending" || index !== spans.length - 1) return false;
  const span = spans[index]!;
  const last = segmentAtIndex(lane, (lane.segmentCount ?? lane.segments.length) - 1);
  return last !== undefined && last.start === span.start && last.startStep === span.startStep && last.state === span.state;
}
