import { describe, expect, it } from "vitest";
import { ROW_BYTES, splitRows } from "./rowBuffer";

/** Packs rows the way taskline/recorder.py does: struct "<iiiid" per row, in an array('d'). */
function packed(rows: readonly (readonly [number, number, number, number, number])[]): Float64Array {
  const buffer = new ArrayBuffer(rows.length * ROW_BYTES);
  const view = new DataView(buffer);
  rows.forEach(([kind, task, x, y, t], i) => {
    const at = i * ROW_BYTES;
    view.setInt32(at, kind, true);
    view.setInt32(at + 4, task, true);
    view.setInt32(at + 8, x, true);
    view.setInt32(at + 12, y, true);
    view.setFloat64(at + 16, t, true);
  });
  return new Float64Array(buffer);
}

describe("splitRows", () => {
  it("splits Python's packed rows into the five wire columns", () => {
    const columns = splitRows(packed([[3, 1, 0, 0, 0], [4, 1, 1 | (7 << 5), 12, 0.25], [6, 2147483647, -2147483648, -1, 1e9]]));
    expect(Array.from(columns.kind)).toEqual([3, 4, 6]);
    expect(Array.from(columns.task)).toEqual([1, 1, 2147483647]);
    expect(Array.from(columns.x)).toEqual([0, 1 | (7 << 5), -2147483648]);
    expect(Array.from(columns.y)).toEqual([0, 12, -1]);
    expect(Array.from(columns.t)).toEqual([0, 0.25, 1e9]);
  });

  it("reads a batch that starts inside a larger buffer, and an empty one", () => {
    const whole = packed([[1, 9, 9, 9, 9], [2, 5, 6, 0, 1.5]]);
    const columns = splitRows(new Float64Array(whole.buffer, ROW_BYTES, ROW_BYTES / 8));
    expect(Array.from(columns.task)).toEqual([5]);
    expect(Array.from(columns.t)).toEqual([1.5]);
    expect(splitRows(new Float64Array(0)).kind.length).toBe(0);
  });
});
