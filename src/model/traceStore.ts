/**
 * The run's trace, as it arrives: each batch of rows (../protocol/trace.ts) is folded on arrival,
 * once, and the rows are not kept (issue #8: the trace held in the page stays within 16 bytes per
 * step). What is kept:
 * - per lane, its closed segments as a compact byte stream (./segmentStream.ts, 1–3 bytes a
 *   segment on an ideal clock, in 128-byte chunks of 16 KiB pages shared by all lanes) and its
 *   open segment as a few numbers (./laneBuilder.ts);
 * - the folds that need every row, owned here and fed as rows arrive: relations and marks
 *   (./relations.ts), live concurrency bins (./concurrency.ts), the loop lane (./loopLane.ts);
 * - a side log of the rare rows (everything but `run`, `ready` and `suspend`, plus suspensions at
 *   a generator's `yield`), with each row's step, for derivations kept outside the model
 *   (`readRows`);
 * - details and console lines.
 *
 * `Lane.segments` is decoded on demand for the lanes something looks at, with a small cache
 * bounded by segment count; `Lane.segmentIndexAt` answers "the segment at p" by a binary search over
 * the stream's chunk headers without decoding the lane. Per batch the cost is O(new rows) plus
 * O(lanes that changed).
 */
import { RowKind, WaitKind, type Detail, type TextDetail, type TraceColumns } from "../protocol/trace";
import { LiveConcurrencyFold } from "./concurrency";
import { BUILDER_BYTES, isDetailOfKind, isSequentialWork, LaneFolder, NO_OPEN, openStateOf, type LaneBuilder } from "./laneBuilder";
import { LoopLaneFold } from "./loopLane";
import { RelationsFold } from "./relations";
import { SegmentReader, segmentOf, TIME_GRID_S, TYPED_ARRAY_OVERHEAD } from "./segmentStream";
import { isMainProgramLane, virtualTime, type ConsoleLine, type Lane, type Segment, type VirtualTime } from "./types";

export { loopActivity, type LoopSpan, type LoopState } from "./loopActivity";

const INITIAL_LOG_CAPACITY = 256;
/** Estimated heap bytes of derived objects, for `byteSize()` (V8 with pointer compression). */
const SEGMENT_BYTES = 52;
const LANE_BYTES = 80;
const DETAIL_BYTES = 64;
/**
 * Decoded segments kept across `Lane.segments` calls: about a screen of lanes (40-60 rows of a few
 * hundred segments), ~1 MB. Kept small because it counts as trace memory (issue #8: 16 B/step),
 * and looking around a big run would otherwise fill it; a screen holding more re-decodes its lanes
 * per paint (~25-50 ns a segment), the lane being read always stays.
 */
export const CACHE_SEGMENTS = 20_000;

/** A console line still being assembled from chunks. */
interface OpenLine {
  /** Index into `lines` of the line being extended. */
  readonly index: number;
  readonly text: string;
}

interface CacheEntry {
  /** Decoded closed segments, then the open tail when `tail`. */
  readonly segs: Segment[];
  tail: boolean;
}

const sharedReader = new SegmentReader();

export class TraceStore {
  // The side log of rare rows, with the step of each.
  private kinds = new Uint8Array(INITIAL_LOG_CAPACITY);
  private tasks = new Int32Array(INITIAL_LOG_CAPACITY);
  private xs = new Int32Array(INITIAL_LOG_CAPACITY);
  private ys = new Int32Array(INITIAL_LOG_CAPACITY);
  private ts = new Float64Array(INITIAL_LOG_CAPACITY);
  private logSteps = new Int32Array(INITIAL_LOG_CAPACITY);
  private logged = 0;
  private rows = 0;
  private readonly details: Detail[] = [];
  private versionNo = 0;
  private steps = 0;
  private maxT = 0;
  private finishedAt: number | undefined;

  private readonly folder = new LaneFolder((index) => this.detail(index));
  readonly relations = new RelationsFold((index) => this.detail(index));
  readonly concurrency = new LiveConcurrencyFold((index) => this.detail(index));
  readonly loop = new LoopLaneFold((index) => this.detail(index));
  private readonly lines: ConsoleLine[] = [];
  private readonly openLines = new Map<string, OpenLine>();
  private linesChanged = false;
  private detailText = 0;
  private generators = 0;

  private lanesMemo: { readonly version: number; readonly lanes: readonly Lane[] } | undefined;
  private linesMemo: readonly ConsoleLine[] = [];
  private readonly cache = new Map<LaneBuilder, CacheEntry>();
  private cached = 0;
  /** The last segment found by a search in a lane's stream (kept in `sharedReader`): asked for next, as a rule. */
  private foundLane: LaneBuilder | undefined;
  private foundIndex = -1;

  /**
   * `snapTimes`: the run's clock is measured (realistic mode), so its times are snapped to
   * {@link TIME_GRID_S} (≈ 0.95 µs, finer than any measurement the page shows) as they arrive, and
   * the lane streams hold their deltas in 1–3 bytes. An ideal-clock trace is kept exact.
   */
  constructor(private readonly snapTimes = false) {}

  /** Folds a batch in; the columns are not kept. */
  append(columns: TraceColumns, details: readonly Detail[]): void {
    const n = Math.min(columns.kind.length, columns.task.length, columns.x.length, columns.y.length, columns.t.length);
    for (const d of details) {
      this.details.push(d);
      this.detailText += d.k === "text" ? d.text.length : d.k === "end" ? (d.result?.length ?? 0) + (d.traceback?.length ?? 0) : 0;
    }
    const { kind: kinds, task: tasks, x: xs, y: ys, t: ts } = columns;
    for (let i = 0; i < n; i++) {
      const kind = kinds[i]!;
      const task = tasks[i]!;
      const x = xs[i]!;
      const y = ys[i]!;
      const t = this.snapTimes ? snapToGrid(ts[i]!) : ts[i]!;
      if (t > this.maxT) this.maxT = t;
      const step = this.steps;
      if (kind === RowKind.run) this.steps++;
      if (kind === RowKind.created) this.created(task, x, y, t);
      else if (kind === RowKind.output) this.applyOutput(task, x, y, t, step);
      else this.folder.applyRow(kind, task, x, y, t, step);
      this.relations.fold(kind, task, x, y, t);
      this.concurrency.fold(kind, task, x, t);
      this.loop.fold(kind, task, x, t);
      if (kind !== RowKind.run && kind !== RowKind.ready && (kind !== RowKind.suspend || (x & 31) === WaitKind.yield)) this.log(kind, task, x, y, t, step);
    }
    this.rows += n;
    this.versionNo++;
  }

  /** The run ended at this virtual time; open segments end here from now on. */
  finish(endTime: VirtualTime): void {
    this.finishedAt = this.snapTimes ? snapToGrid(endTime) : endTime;
    this.versionNo++;
  }

  get version(): number {
    return this.versionNo;
  }

  /** Rows received so far (not kept). */
  get rowCount(): number {
    return this.rows;
  }

  /** Number of `run` rows so far (task and thread steps). */
  get stepCount(): number {
    return this.steps;
  }

  /** Segments of every lane (O(1): the sum of the lanes' `segmentCount`). */
  get segmentTotal(): number {
    return this.folder.segmentTotal;
  }

  /** finish() time if finished, else the max t seen so far. */
  get endTime(): VirtualTime {
    return virtualTime(this.finishedAt ?? this.maxT);
  }

  /**
   * Calls `visit` for the logged rows from index `from` on, in order: every row except `run`,
   * `ready` and `suspend` (a suspension at a generator's `yield` is kept), with `step` = run rows
   * before it. For derivations kept outside the store that need only those rows (generator
   * handoffs, problems). Returns the index to resume from.
   */
  readRows(from: number, visit: (kind: number, task: number, x: number, y: number, t: number, step: number) => void): number {
    for (let i = Math.max(0, from); i < this.logged; i++) {
      visit(this.kinds[i]!, this.tasks[i]!, this.xs[i]!, this.ys[i]!, this.ts[i]!, this.logSteps[i]!);
    }
    return this.logged;
  }

  detail(index: number): Detail | undefined {
    return Number.isInteger(index) && index >= 0 ? this.details[index] : undefined;
  }

  /**
   * Every lane, in creation order; a new array per version. Cost per new version: O(lanes) for
   * the array and O(1) per lane that changed: a lane that got no rows keeps its `Lane` object (so
   * memoised views can skip it), a changed lane gets a new one. A lane's segments are read
   * through it from the store, so an open lane's last segment always ends at the store's current
   * end (`endTime`, `stepCount`).
   */
  lanes(): readonly Lane[] {
    if (this.lanesMemo?.version === this.versionNo) return this.lanesMemo.lanes;
    const lanes = this.lanesMemo === undefined ? [] : this.lanesMemo.lanes.slice();
    for (const b of this.folder.dirty) {
      lanes[b.index] = new StoredLane(this, b);
      b.changed = false;
    }
    this.folder.dirty.length = 0;
    this.lanesMemo = { version: this.versionNo, lanes };
    return lanes;
  }

  /**
   * Seconds the run's steps, blocking calls, sleeps and thread work take when done one at a time
   * (the same sum as `sequentialSeconds(lanes())` in ./savings.ts), kept as segments close:
   * O(pending lanes) instead of a pass over every segment.
   */
  sequentialSeconds(): number {
    let total = this.folder.closedSequentialS;
    const end = this.endTime;
    for (const b of this.folder.pending) {
      const state = openStateOf(b);
      if (state !== undefined && isSequentialWork(state, b.openWait === -1 ? undefined : (b.openWait as WaitKind), b.kind)) total += Math.max(b.openStart, end) - b.openStart;
    }
    return total;
  }

  /**
   * What the store holds, in bytes: typed arrays at their capacity (segment streams, side log,
   * live bins) plus an honest estimate of the objects (V8 with pointer compression): lane
   * builders and snapshots, decoded segments in the cache, details and console lines with their
   * text, the relation and loop-lane folds. For the per-step budget in issue #8.
   */
  byteSize(): number {
    const log = this.kinds.byteLength + this.tasks.byteLength + this.xs.byteLength + this.ys.byteLength + this.ts.byteLength + this.logSteps.byteLength + 6 * TYPED_ARRAY_OVERHEAD;
    let lanes = this.folder.arena.byteSize();
    for (const b of this.folder.order) {
      lanes += b.stream.byteSize() + BUILDER_BYTES + LANE_BYTES + 2 * (b.name.length + b.coro.length) + (b.lastSegment === undefined ? 0 : SEGMENT_BYTES);
    }
    const text = this.details.length * DETAIL_BYTES + this.detailText + this.lines.reduce((sum, line) => sum + DETAIL_BYTES + line.text.length, 0);
    const folds = this.relations.byteSize() + this.concurrency.byteSize() + this.loop.byteSize();
    return log + lanes + this.cached * SEGMENT_BYTES + text + folds;
  }

  /** `byteSize()` per step (run row); the whole store when there are no steps yet. */
  bytesPerStep(): number {
    return this.byteSize() / Math.max(1, this.steps);
  }

  /** Generator lanes other than the main program's (the run summary's count), O(1). */
  get generatorLaneCount(): number {
    return this.generators;
  }

  /** Number of lanes so far (O(1)). */
  get laneCount(): number {
    return this.folder.order.length;
  }

  /** A lane's name by id (O(1), no snapshot of the lanes). */
  nameOf(id: number): string | undefined {
    return this.folder.byId.get(id)?.name;
  }

  /** The lane with this id, if it exists (its snapshot at this version). */
  laneOf(id: number): Lane | undefined {
    const b = this.folder.byId.get(id);
    return b === undefined ? undefined : this.lanes()[b.index];
  }

  /** Printed output joined into lines, in the order their first chunk was printed; memoised. */
  consoleLines(): readonly ConsoleLine[] {
    if (this.linesChanged) {
      // O(lines) copy, only on versions that printed something.
      this.linesMemo = this.lines.slice();
      this.linesChanged = false;
    }
    return this.linesMemo;
  }

  /** @internal The lane's segments, decoded (cached; an open lane's array grows in place). */
  segmentsOf(b: LaneBuilder): readonly Segment[] {
    let e = this.cache.get(b);
    if (e === undefined) {
      e = { segs: [], tail: false };
    } else {
      this.cache.delete(b); // re-inserted below: most recently used last
    }
    this.cache.set(b, e);
    const before = e.segs.length;
    if (e.tail) {
      e.segs.pop();
      e.tail = false;
    }
    if (e.segs.length < b.stream.count) for (const s of b.stream.decode(e.segs.length)) e.segs.push(s);
    const tail = this.openTail(b);
    if (tail !== undefined) {
      e.segs.push(tail);
      e.tail = true;
    }
    this.cached += e.segs.length - before;
    for (const [key, entry] of this.cache) {
      if (this.cached <= CACHE_SEGMENTS || key === b) break;
      this.cache.delete(key);
      this.cached -= entry.segs.length;
    }
    return e.segs;
  }

  /** @internal Number of segments of the lane, its open one included. */
  segmentCountOf(b: LaneBuilder): number {
    return b.stream.count + (b.openState === NO_OPEN ? 0 : 1);
  }

  /**
   * @internal Index of the lane's last segment starting at or before p, or -1. At or after the
   * start of the lane's open or last segment (a cursor at the end: the common case) it is O(1).
   */
  segmentIndexOf(b: LaneBuilder, p: number, axis: "time" | "steps"): number {
    const time = axis === "time";
    if (b.openState !== NO_OPEN && (time ? b.openStart : b.openStartStep) <= p) return b.stream.count;
    const n = b.stream.count;
    if (n > 0 && (time ? b.stream.lastStart : b.stream.lastStartStep) <= p) return n - 1;
    const i = b.stream.indexAt(p, axis, sharedReader);
    this.foundLane = b;
    this.foundIndex = i;
    return i;
  }

  /** @internal The lane's segment `i`, decoded (the last closed one is kept: lanes at their end are asked often). */
  segmentOf(b: LaneBuilder, i: number): Segment | undefined {
    const n = b.stream.count;
    if (i === n) return this.openTail(b);
    if (i === n - 1) {
      if (b.lastSegment === undefined || b.lastSegmentIndex !== i) {
        b.lastSegment = b.stream.last();
        b.lastSegmentIndex = i;
      }
      return b.lastSegment;
    }
    const e = this.cache.get(b);
    if (e !== undefined && i < e.segs.length && !(e.tail && i === e.segs.length - 1)) return e.segs[i];
    // "The segment at p" is a search, then this: the search kept what it found.
    if (b === this.foundLane && i === this.foundIndex && i >= 0) return sharedReader.found();
    // ... and read the segment after it (a `ready` segment's line is the next one's: editor marks).
    if (sharedReader.isAt(b.stream, i)) return sharedReader.segment();
    return b.stream.at(i, sharedReader);
  }

  /** @internal The lane's first segment's start on the axis (O(1)), or undefined before it has one. */
  firstStartOf(b: LaneBuilder, axis: "time" | "steps"): number | undefined {
    if (b.stream.count > 0) return b.stream.firstStart(axis);
    if (b.openState === NO_OPEN) return undefined;
    return axis === "time" ? b.openStart : b.openStartStep;
  }

  /** @internal Calls `visit` with the start (time or step) of each of the lane's segments, allocating nothing. */
  forEachStartOf(b: LaneBuilder, axis: "time" | "steps", visit: (start: number) => void): void {
    const r = sharedReader;
    r.seekChunk(b.stream, 0);
    while (r.next()) visit(axis === "time" ? r.start : r.startStep);
    if (b.openState !== NO_OPEN) visit(axis === "time" ? b.openStart : b.openStartStep);
  }

  /**
   * @internal The lane's segments that overlap [from, to) on the axis, decoded from the chunk
   * where `from` falls (not cached: a view's worth, not the whole lane).
   */
  segmentsInOf(b: LaneBuilder, from: number, to: number, axis: "time" | "steps"): Segment[] {
    const time = axis === "time";
    const out: Segment[] = [];
    const r = sharedReader;
    r.seekChunk(b.stream, Math.max(0, b.stream.chunkWhere(time ? 1 : 0, from)));
    while (r.next()) {
      if ((time ? r.start : r.startStep) >= to) return out;
      if ((time ? r.end : r.endStep) > from) out.push(r.segment());
    }
    const tail = this.openTail(b);
    if (tail !== undefined && (time ? tail.start : tail.startStep) < to && (time ? tail.end : tail.endStep) > from) out.push(tail);
    return out;
  }

  /** The open segment, ending at the store's current end. */
  private openTail(b: LaneBuilder): Segment | undefined {
    if (b.openState === NO_OPEN) return undefined;
    return segmentOf(b.openState, b.openStart, Math.max(b.openStart, this.endTime), b.openStartStep, Math.max(b.openStartStep, this.steps), b.openWait, b.openTarget, b.openLine);
  }

  private created(task: number, x: number, y: number, t: number): void {
    const before = this.folder.order.length;
    this.folder.applyCreated(task, x, y, t);
    const lane = this.folder.order[before];
    if (lane !== undefined && lane.kind === "generator" && !isMainProgramLane(lane)) this.generators++;
  }

  private log(kind: number, task: number, x: number, y: number, t: number, step: number): void {
    if (this.logged === this.kinds.length) {
      const size = this.kinds.length * 2;
      const grow = <A extends Uint8Array | Int32Array | Float64Array>(old: A, make: (n: number) => A): A => {
        const next = make(size);
        next.set(old);
        return next;
      };
      this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
      this.tasks = grow(this.tasks, (k) => new Int32Array(k));
      this.xs = grow(this.xs, (k) => new Int32Array(k));
      this.ys = grow(this.ys, (k) => new Int32Array(k));
      this.ts = grow(this.ts, (k) => new Float64Array(k));
      this.logSteps = grow(this.logSteps, (k) => new Int32Array(k));
    }
    const i = this.logged++;
    this.kinds[i] = kind;
    this.tasks[i] = task;
    this.xs[i] = x;
    this.ys[i] = y;
    this.ts[i] = t;
    this.logSteps[i] = step;
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
    const open = lane === undefined ? undefined : openStateOf(lane);
    const inStep = lane !== undefined && (open === "running" || open === "blocked");
    const lineStep = inStep ? lane.currentStep : step;
    const key = `${task}:${stream}`;
    const pieces = text.split("\n");
    pieces.forEach((piece, i) => {
      const isLast = i === pieces.length - 1;
      if (isLast && piece === "") {
        // The text ended with a newline: the line is complete, nothing new opens.
        if (i > 0) return;
      }
      const openLine = this.openLines.get(key);
      if (openLine !== undefined) {
        const joined = openLine.text + piece;
        const prev = this.lines[openLine.index]!;
        this.lines[openLine.index] = { ...prev, text: joined };
        if (isLast) this.openLines.set(key, { index: openLine.index, text: joined });
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

/** A lane's snapshot: identity fields copied, segments read from the store on demand. */
class StoredLane implements Lane {
  readonly id: Lane["id"];
  readonly kind: Lane["kind"];
  readonly name: string;
  readonly coro: string;
  readonly parent?: Lane["parent"];
  readonly createdAt: VirtualTime;
  readonly createdLine: number;
  readonly finalState: Lane["finalState"];
  readonly end?: Lane["end"];
  readonly cancelledBy?: Lane["cancelledBy"];
  readonly #store: TraceStore;
  readonly #b: LaneBuilder;

  constructor(store: TraceStore, b: LaneBuilder) {
    this.#store = store;
    this.#b = b;
    this.id = b.id;
    this.kind = b.kind;
    this.name = b.name;
    this.coro = b.coro;
    // Every field set (undefined when absent): one hidden class for all lanes, so loops over
    // 10,000 of them stay monomorphic.
    this.parent = b.parent;
    this.createdAt = b.createdAt;
    this.createdLine = b.createdLine;
    this.finalState = b.finalState;
    this.end = b.end;
    this.cancelledBy = b.cancelledBy;
  }

  get segments(): readonly Segment[] {
    return this.#store.segmentsOf(this.#b);
  }

  get segmentCount(): number {
    return this.#store.segmentCountOf(this.#b);
  }

  segmentIndexAt(p: number, axis: "time" | "steps"): number {
    return this.#store.segmentIndexOf(this.#b, p, axis);
  }

  segmentAtIndex(i: number): Segment | undefined {
    return this.#store.segmentOf(this.#b, i);
  }

  forEachStart(axis: "time" | "steps", visit: (start: number) => void): void {
    this.#store.forEachStartOf(this.#b, axis, visit);
  }

  firstStart(axis: "time" | "steps"): number | undefined {
    return this.#store.firstStartOf(this.#b, axis);
  }

  segmentsIn(from: number, to: number, axis: "time" | "steps"): readonly Segment[] {
    return this.#store.segmentsInOf(this.#b, from, to, axis);
  }
}

export function createTraceStore(options: { readonly snapTimes?: boolean } = {}): TraceStore {
  return new TraceStore(options.snapTimes ?? false);
}

/** `t` as the nearest multiple of {@link TIME_GRID_S} (beyond ~2⁺³³ s, where that is not exact, as it is). */
export function snapToGrid(t: number): number {
  const k = Math.round(t / TIME_GRID_S);
  return Number.isSafeInteger(k) ? k * TIME_GRID_S : t;
}
