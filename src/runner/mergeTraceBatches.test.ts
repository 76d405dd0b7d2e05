import { describe, expect, it } from "vitest";
import { runId } from "../protocol/messages";
import { mergeTraceBatches, type TraceMessage } from "./mergeTraceBatches";

const batch = (kinds: number[], text: string): TraceMessage => ({
  type: "trace",
  runId: runId(3),
  columns: {
    kind: Uint8Array.from(kinds),
    task: Int32Array.from(kinds.map(() => 1)),
    x: Int32Array.from(kinds),
    y: new Int32Array(kinds.length),
    t: Float64Array.from(kinds.map((k) => k / 10)),
  },
  details: [{ k: "text", text }],
});

describe("mergeTraceBatches", () => {
  it("joins batches of one run into one, rows and details in arrival order", () => {
    const merged = mergeTraceBatches([batch([1, 2], "a"), batch([3], "b"), batch([4, 5, 7], "c")])!;
    expect(Array.from(merged.columns.kind)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(merged.columns.x)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(Array.from(merged.columns.t)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.7]);
    expect(merged.details).toEqual([{ k: "text", text: "a" }, { k: "text", text: "b" }, { k: "text", text: "c" }]);
    expect(merged.runId).toBe(3);
  });

  it("passes a single batch through untouched and has nothing for none", () => {
    const one = batch([1], "a");
    expect(mergeTraceBatches([one])).toBe(one);
    expect(mergeTraceBatches([])).toBeUndefined();
  });
});
