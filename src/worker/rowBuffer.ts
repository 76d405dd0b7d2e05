/**
 * The buffer Python hands over per trace batch (taskline/recorder.py drain), split into the wire's
 * columns. Each row is ROW_BYTES: kind, task, x and y as little-endian int32, then t as a float64
 * at an 8-aligned offset, so the ints are read through an Int32Array view and t through the
 * Float64Array itself (Python packs ints as int32 because converting each to a double was most of
 * a drain's cost).
 */
import type { TraceColumns } from "../protocol/trace";

/** Bytes per row in the buffer (recorder.py ROW_BYTES, struct format "<iiiid"). */
export const ROW_BYTES = 24;
const INTS_PER_ROW = ROW_BYTES / 4;
const DOUBLES_PER_ROW = ROW_BYTES / 8;

export function splitRows(rows: Float64Array): TraceColumns {
  const n = Math.floor(rows.length / DOUBLES_PER_ROW);
  const ints = new Int32Array(rows.buffer, rows.byteOffset, n * INTS_PER_ROW);
  const columns = { kind: new Uint8Array(n), task: new Int32Array(n), x: new Int32Array(n), y: new Int32Array(n), t: new Float64Array(n) };
  for (let i = 0, j = 0, k = DOUBLES_PER_ROW - 1; i < n; i++, j += INTS_PER_ROW, k += DOUBLES_PER_ROW) {
    columns.kind[i] = ints[j]!;
    columns.task[i] = ints[j + 1]!;
    columns.x[i] = ints[j + 2]!;
    columns.y[i] = ints[j + 3]!;
    columns.t[i] = rows[k]!;
  }
  return columns;
}
