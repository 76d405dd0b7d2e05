/**
 * Rate limiting at the boundary: trace batches that arrive between two animation frames are
 * merged, so the store folds them in a frame's slice of work however fast a program prints; a
 * frame takes slices of {@link FLUSH_CHUNK_ROWS} rows (`takeRows`) for at most
 * {@link FLUSH_BUDGET_MS}, the rest waiting for the next frame, so a page that fell behind catches
 * up in frame-sized slices instead of one long task. Details are per-run and appended in order, so concatenation and
 * splitting keep every row's detail index valid (a split's details all go with its first part).
 */
import type { FromWorker } from "../protocol/messages";
import type { Detail, TraceColumns } from "../protocol/trace";

export type TraceMessage = Extract<FromWorker, { type: "trace" }>;

function concat<T extends Uint8Array | Int32Array | Float64Array>(parts: readonly T[], make: (n: number) => T): T {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** One trace message holding every row and detail of `batches` (all of one run), in order. */
export function mergeTraceBatches(batches: readonly TraceMessage[]): TraceMessage | undefined {
  const first = batches[0];
  if (first === undefined || batches.length === 1) return first;
  const cols = batches.map((b) => b.columns);
  const columns: TraceColumns = {
    kind: concat(cols.map((c) => c.kind), (n) => new Uint8Array(n)),
    task: concat(cols.map((c) => c.task), (n) => new Int32Array(n)),
    x: concat(cols.map((c) => c.x), (n) => new Int32Array(n)),
    y: concat(cols.map((c) => c.y), (n) => new Int32Array(n)),
    t: concat(cols.map((c) => c.t), (n) => new Float64Array(n)),
  };
  const details: Detail[] = [];
  for (const b of batches) for (const d of b.details) details.push(d);
  return { type: "trace", runId: first.runId, columns, details };
}

/**
 * A frame's trace work: slices of this many rows (folding a row costs about a microsecond) until
 * FLUSH_BUDGET_MS have passed. A time budget rather than a row count, so a fast machine folds more
 * per frame and a slow one no more than its frame can hold (issue #8: no main-thread task over
 * 50 ms while a million steps stream in; the 2-core machine's frame also paints, and the worker
 * competes with it for the CPU).
 */
export const FLUSH_CHUNK_ROWS = 2_000;
export const FLUSH_BUDGET_MS = 8;

function sliceOf(m: TraceMessage, from: number, to: number, withDetails: boolean): TraceMessage {
  const c = m.columns;
  return {
    type: "trace",
    runId: m.runId,
    columns: { kind: c.kind.subarray(from, to), task: c.task.subarray(from, to), x: c.x.subarray(from, to), y: c.y.subarray(from, to), t: c.t.subarray(from, to) },
    details: withDetails ? m.details : [],
  };
}

/**
 * Takes batches from the front of `batches` holding at most `maxRows` rows (at least one row, so
 * it always moves), splitting a batch when needed; `rest` is what is left, in order.
 */
export function takeRows(batches: readonly TraceMessage[], maxRows: number): { readonly now: readonly TraceMessage[]; readonly rest: readonly TraceMessage[] } {
  const now: TraceMessage[] = [];
  let rows = 0;
  for (let i = 0; i < batches.length; i++) {
    const b = batches[i]!;
    const n = b.columns.kind.length;
    const room = Math.max(maxRows - rows, rows === 0 ? 1 : 0);
    if (n <= room) {
      now.push(b);
      rows += n;
      continue;
    }
    if (room > 0) now.push(sliceOf(b, 0, room, true));
    const rest = [sliceOf(b, room, n, room === 0), ...batches.slice(i + 1)];
    return { now, rest };
  }
  return { now, rest: [] };
}
