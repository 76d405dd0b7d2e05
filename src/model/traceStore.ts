/**
 * The run's trace, as it arrives: an append-only columnar store of rows (../protocol/trace.ts)
 * plus the lanes and console lines derived from them.
 *
 * Rows live in typed arrays that double when full, so a million rows are five arrays, not a
 * million objects. Derivation is incremental: each query first folds the rows that arrived since
 * the last query into per-lane builders (O(new rows)), then snapshots the builders. Snapshots are
 * memoised per `version`, and a finished lane's `Lane` object is reused across versions, so the
 * per-version cost is O(segments of lanes that are still alive) — see `lanes()`. The folding
 * itself lives in ./laneBuilder.ts; this class owns the columns, the console lines and the memos.
 */
import { RowKind, type Detail, type TextDetail, type TraceColumns } from "../protocol/trace";
import { isDetailOfKind, isSequentialWork, LaneFolder, snapshotOf, type LaneBuilder } from "./laneBuilder";
import { virtualTime, type ConsoleLine, type Lane, type VirtualTime } from "./types";

export { loopActivity, type LoopSpan, type LoopState } from "./loopActivity";

const INITIAL_CAPACITY = 1024;
/** Estimated heap bytes of one derived object, for `byteSize()`. */
const SEGMENT_BYTES = 52;
const LANE_BYTES = 120;
const DETAIL_BYTES = 64;

/** A console line still being assembled from chunks. */
interface OpenLine {
  /** Index into `lines` of the line being extended. */
  readonly index: number;
  readonly text: string;
}

export class TraceStore {
  private kinds = new Uint8Array(INITIAL_CAPACITY);
  private tasks = new Int32Array(INITIAL_CAPACITY);
  private xs = new Int32Array(INITIAL_CAPACITY);
  private ys = new Int32Array(INITIAL_CAPACITY);
  private ts = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  private readonly details: Detail[] = [];
  private versionNo = 0;
  private steps = 0;
  private maxT = 0;
  private finishedAt: number | undefined;

  // Derivation state: rows before `derived` have been folded into the builders below.
  private derived = 0;
  /** Run rows before row `derived`. */
  private derivedSteps = 0;
  private readonly folder = new LaneFolder((index) => this.detail(index));
  private readonly lines: ConsoleLine[] = [];
  private readonly openLines = new Map<string, OpenLine>();
  private linesChanged = false;

  private lanesMemo: { readonly version: number; readonly lanes: readonly Lane[] } | undefined;
  private linesMemo: readonly ConsoleLine[] = [];

  append(columns: TraceColumns, details: readonly Detail[]): void {
    const n = Math.min(columns.kind.length, columns.task.length, columns.x.length, columns.y.length, columns.t.length);
    this.reserve(this.count + n);
    this.kinds.set(columns.kind.subarray(0, n), this.count);
    this.tasks.set(columns.task.subarray(0, n), this.count);
    this.xs.set(columns.x.subarray(0, n), this.count);
    this.ys.set(columns.y.subarray(0, n), this.count);
    this.ts.set(columns.t.subarray(0, n), this.count);
    for (let i = 0; i < n; i++) {
      if (columns.kind[i] === RowKind.run) this.steps++;
      const t = columns.t[i]!;
      if (t > this.maxT) this.maxT = t;
    }
    this.count += n;
    for (const d of details) this.details.push(d);
    this.versionNo++;
  }

  /** The run ended at this virtual time; open segments end here from now on. */
  finish(endTime: VirtualTime): void {
    this.finishedAt = endTime;
    this.versionNo++;
  }

  get version(): number {
    return this.versionNo;
  }

  get rowCount(): number {
    return this.count;
  }

  /** Number of `run` rows so far (task and thread steps). */
  get stepCount(): number {
    return this.steps;
  }

  /** finish() time if finished, else the max t seen so far. */
  get endTime(): VirtualTime {
    return virtualTime(this.finishedAt ?? this.maxT);
  }

  /**
   * Calls `visit` for rows [from, rowCount) in order (for derivations kept outside the store, such
   * as relations, which fold new rows incrementally). Returns the new row count to resume from.
   */
  readRows(from: number, visit: (kind: number, task: number, x: number, y: number, t: number, row: number) => void): number {
    for (let i = Math.max(0, from); i < this.count; i++) {
      visit(this.kinds[i]!, this.tasks[i]!, this.xs[i]!, this.ys[i]!, this.ts[i]!, i);
    }
    return this.count;
  }

  detail(index: number): Detail | undefined {
    return Number.isInteger(index) && index >= 0 ? this.details[index] : undefined;
  }

  /**
   * Every lane, in creation order; a new array per version. Cost per new version: O(new rows) to
   * fold them in, plus O(lanes) for the array and O(1) per lane that changed: a lane that got no
   * rows keeps its `Lane` object (so memoised views can skip it), a changed lane gets a new one.
   * A lane's `segments` array is shared by its snapshots and grows in place; its last segment,
   * while open, ends at the store's current end (`endTime`, `stepCount`) and is replaced in place
   * when that end moves (O(pending lanes) per version, without copying any segments).
   */
  lanes(): readonly Lane[] {
    if (this.lanesMemo?.version === this.versionNo) return this.lanesMemo.lanes;
    this.derive();
    const lanes = this.lanesMemo === undefined ? [] : this.lanesMemo.lanes.slice();
    for (const b of this.folder.pending) this.refreshTail(b);
    for (const b of this.folder.dirty) {
      lanes[b.index] = snapshotOf(b);
      b.changed = false;
    }
    this.folder.dirty.length = 0;
    this.lanesMemo = { version: this.versionNo, lanes };
    return lanes;
  }

  /**
   * Seconds the run's steps, blocking calls, sleeps and thread work take when done one at a time
   * (the same sum as `sequentialSeconds(lanes())` in ./savings.ts), kept as segments close:
   * O(new rows + pending lanes) instead of a pass over every segment.
   */
  sequentialSeconds(): number {
    this.derive();
    let total = this.folder.closedSequentialS;
    const end = this.endTime;
    for (const b of this.folder.pending) {
      const open = b.open;
      if (open !== undefined && isSequentialWork(open.state, open.waitKind, b.kind)) total += Math.max(open.start, end) - open.start;
    }
    return total;
  }

  /**
   * What the store holds, in bytes: the row columns at their capacity, plus an estimate of the
   * derived objects (V8 with pointer compression: a segment is ~52 B with its array slot, a lane
   * ~120 B, a detail or console line ~64 B plus its text). For the per-step budget in issue #8.
   */
  byteSize(): number {
    this.derive();
    const columns = this.kinds.byteLength + this.tasks.byteLength + this.xs.byteLength + this.ys.byteLength + this.ts.byteLength;
    let segments = 0;
    for (const b of this.folder.order) segments += b.segments.length;
    let text = 0;
    for (const d of this.details) text += DETAIL_BYTES + (d.k === "text" ? d.text.length : 0);
    for (const line of this.lines) text += DETAIL_BYTES + line.text.length;
    return columns + segments * SEGMENT_BYTES + this.folder.order.length * LANE_BYTES + text;
  }

  /** `byteSize()` per step (run row); the whole store when there are no steps yet. */
  bytesPerStep(): number {
    return this.byteSize() / Math.max(1, this.steps);
  }

  /** Number of lanes so far (O(1) after folding new rows). */
  get laneCount(): number {
    this.derive();
    return this.folder.order.length;
  }

  /** The lane with this id, if it exists (its snapshot at this version). */
  laneOf(id: number): Lane | undefined {
    this.derive();
    const b = this.folder.byId.get(id);
    return b === undefined ? undefined : this.lanes()[b.index];
  }

  /** Printed output joined into lines, in the order their first chunk was printed; memoised. */
  consoleLines(): readonly ConsoleLine[] {
    this.derive();
    if (this.linesChanged) {
      // O(lines) copy, only on versions that printed something.
      this.linesMemo = this.lines.slice();
      this.linesChanged = false;
    }
    return this.linesMemo;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.kinds.length) return;
    let size = this.kinds.length;
    while (size < capacity) size *= 2;
    const grow = <A extends Uint8Array | Int32Array | Float64Array>(old: A, make: (n: number) => A): A => {
      const next = make(size);
      next.set(old.subarray(0, this.count));
      return next;
    };
    this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
    this.tasks = grow(this.tasks, (k) => new Int32Array(k));
    this.xs = grow(this.xs, (k) => new Int32Array(k));
    this.ys = grow(this.ys, (k) => new Int32Array(k));
    this.ts = grow(this.ts, (k) => new Float64Array(k));
  }

  /** Folds rows [derived, count) into the lane builders and console lines. */
  private derive(): void {
    for (let i = this.derived; i < this.count; i++) {
      const kind = this.kinds[i]!;
      this.applyRow(kind, this.tasks[i]!, this.xs[i]!, this.ys[i]!, this.ts[i]!, this.derivedSteps);
      if (kind === RowKind.run) this.derivedSteps++;
    }
    this.derived = this.count;
    for (const b of this.folder.dirty) this.refreshTail(b);
  }

  /** Keeps the lane's open tail ending at the store's current end (see `LaneFolder.refreshTail`). */
  private refreshTail(b: LaneBuilder): void {
    this.folder.refreshTail(b, this.endTime, this.steps);
  }

  /** `step` is the number of run rows before this row. */
  private applyRow(kind: number, task: number, x: number, y: number, t: number, step: number): void {
    if (kind === RowKind.created) return this.folder.applyCreated(task, x, y, t);
    if (kind === RowKind.output) return this.applyOutput(task, x, y, t, step);
    this.folder.applyRow(kind, task, x, y, t, step);
  }

  private applyOutput(task: number, x: number, y: number, t: number, step: number): void {
    const detail = this.detail(y);
    if (!isDetailOfKind(detail, "text") || (x !== 1 && x !== 2)) return;
    const text: TextDetail["text"] = detail.text;
    if (text === "") return;
    const stream = x === 1 ? "stdout" : "stderr";
    const lane = this.folder.byId.get(task);
    const name = task === 0 || lane === undefined ? "" : lane.name;
    // A line printed inside a step belongs to that step; outside any step, to the step that
    // starts next (so a print before the loop starts belongs to step 0).
    const inStep = lane !== undefined && (lane.open?.state === "running" || lane.open?.state === "blocked");
    const lineStep = inStep ? lane.currentStep : step;
    const key = `${task}:${stream}`;
    const pieces = text.split("\n");
    pieces.forEach((piece, i) => {
      const isLast = i === pieces.length - 1;
      if (isLast && piece === "") {
        // The text ended with a newline: the line is complete, nothing new opens.
        if (i > 0) return;
      }
      const open = this.openLines.get(key);
      if (open !== undefined) {
        const joined = open.text + piece;
        const prev = this.lines[open.index]!;
        this.lines[open.index] = { ...prev, text: joined };
        if (isLast) this.openLines.set(key, { index: open.index, text: joined });
        else this.openLines.delete(key);
      } else {
        const index = this.lines.length;
        this.lines.push({ stream, text: piece, vt: virtualTime(t), task: name, step: lineStep });
        if (isLast) this.openLines.set(key, { index, text: piece });
      }
    });
    this.linesChanged = true;
  }
}

export function createTraceStore(): TraceStore {
  return new TraceStore();
}

