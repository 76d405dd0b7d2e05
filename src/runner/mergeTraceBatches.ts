/**
 * Rate limiting at the boundary: trace batches that arrive between two animation frames are
 * merged into one, so the store applies (and React renders) at most one batch per frame however
 * fast a program prints. Details are per-run and appended in order, so concatenation keeps every
 * row's detail index valid.
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
