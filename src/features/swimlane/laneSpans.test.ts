import { describe, expect, it } from "vitest";
import { TraceBuilder } from "../../model/testing";
import { createTraceStore } from "../../model/traceStore";
import { WaitKind } from "../../protocol/trace";
import { isOngoing, RANGE_DECODE_BELOW, spansInView } from "./laneSpans";

/** One task that sleeps 1 s forty times and is still asleep at 40 s (the run goes on). */
function sleeper() {
  const b = new TraceBuilder();
  b.created(1, "main", 0, { coro: "main", line: 3 }).ready(1, 0);
  for (let i = 0; i < 40; i++) b.run(1, i).suspend(1, i, WaitKind.sleep, 1_000_000 << 1, 4).ready(1, i + 1);
  b.run(1, 40).suspend(1, 40, WaitKind.sleep, 1_000_000 << 1, 4);
  const store = createTraceStore();
  const batch = b.build();
  store.append(batch.columns, batch.details);
  return { store, lane: store.lanes()[0]! };
}

describe("the segments a lane row decodes", () => {
  it("are the whole lane at a wide view, and only those overlapping the view when zoomed in", () => {
    const { lane } = sleeper();
    const full = [0, 40] as const;
    expect(spansInView(lane, [0, 40], full, "time")).toEqual(lane.segments);
    expect(spansInView(lane, [0, 40 * RANGE_DECODE_BELOW], full, "time")).toEqual(lane.segments);
    const zoomed = spansInView(lane, [10.5, 12.5], full, "time");
    expect(zoomed).toEqual(lane.segments.filter((s) => s.end > 10.5 && s.start < 12.5));
    expect(zoomed.length).toBeLessThan(10);
  });

  it("count as going on only for a living lane's last segment, in a range or whole", () => {
    const { lane } = sleeper();
    const whole = lane.segments;
    expect(isOngoing(lane, whole, whole.length - 1)).toBe(true);
    expect(isOngoing(lane, whole, whole.length - 2)).toBe(false);
    // The last span of a range that ends before the lane's end is not the lane's last segment.
    const early = spansInView(lane, [10.5, 12.5], [0, 40], "time");
    expect(isOngoing(lane, early, early.length - 1)).toBe(false);
    const late = spansInView(lane, [39.5, 41], [0, 41], "time");
    expect(isOngoing(lane, late, late.length - 1)).toBe(true);
    expect(isOngoing({ ...lane, finalState: "done" }, whole, whole.length - 1)).toBe(false);
  });
});
