import { describe, expect, it } from "vitest";
import { runId } from "../protocol/messages";
import { mergeTraceBatches, takeRows, type TraceMessage } from "./mergeTraceBatches";

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

describe("takeRows", () => {
  const rowsOf = (ms: readonly TraceMessage[]) => ms.flatMap((m) => Array.from(m.columns.kind));
  const textsOf = (ms: readonly TraceMessage[]) => ms.flatMap((m) => m.details.map((d) => (d.k === "text" ? d.text : "")));

  it("takes whole batches while they fit and leaves the rest in order", () => {
    const { now, rest } = takeRows([batch([1, 2], "a"), batch([3], "b"), batch([4, 5], "c")], 3);
    expect(rowsOf(now)).toEqual([1, 2, 3]);
    expect(rowsOf(rest)).toEqual([4, 5]);
    expect(textsOf(now)).toEqual(["a", "b"]);
    expect(textsOf(rest)).toEqual(["c"]);
  });

  it("splits a batch at the limit, its details going with the first part", () => {
    const { now, rest } = takeRows([batch([1, 2, 3, 4, 5], "a"), batch([6], "b")], 2);
    expect(rowsOf(now)).toEqual([1, 2]);
    expect(textsOf(now)).toEqual(["a"]);
    expect(rowsOf(rest)).toEqual([3, 4, 5, 6]);
    expect(textsOf(rest)).toEqual(["b"]);
    expect(Array.from(rest[0]!.columns.t)).toEqual([0.3, 0.4, 0.5]);
  });

  it("always takes at least one row, and everything when it fits", () => {
    expect(rowsOf(takeRows([batch([1, 2], "a")], 0).now)).toEqual([1]);
    const all = takeRows([batch([1, 2], "a"), batch([3], "b")], 100);
    expect(rowsOf(all.now)).toEqual([1, 2, 3]);
    expect(all.rest).toEqual([]);
  });
});
