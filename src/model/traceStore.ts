/**
 * The run's trace, as it arrives: an append-only columnar store of rows (../protocol/trace.ts)
 * plus the lanes and console lines derived from them.
 *
 * Rows live in typed arrays that double when full, so a million rows are five arrays, not a
 * million objects. Derivation is incremental: each query first folds the rows that arrived since
 * the last query into per-lane builders (O(new rows)), then snapshots the builders. Snapshots are
 * memoised per `version`, and a finished lane's `Lane` object is reused across versions, so the
 * per-version cost is O(segments of lanes that are still alive) — see `lanes()`.
 */
import {
  Outcome,
  RowKind,
  WAIT_TARGET_SHIFT,
  WaitKind,
  type Detail,
  type EndDetail,
  type LaneDetail,
  type TextDetail,
  type TraceColumns,
} from "../protocol/trace";
import {
  taskId,
  virtualTime,
  type ConsoleLine,
  type FinalState,
  type Lane,
  type Segment,
  type SegmentState,
  type TaskId,
  type VirtualTime,
} from "./types";

const INITIAL_CAPACITY = 1024;
/** Estimated heap bytes of one derived object, for `byteSize()`. */
const SEGMENT_BYTES = 52;
const LANE_BYTES = 120;
const DETAIL_BYTES = 64;

/** The state a lane is in right now, not yet closed by a later row. */
interface OpenSegment {
  readonly state: SegmentState;
  readonly start: number;
  readonly startStep: number;
  readonly waitKind?: WaitKind;
  readonly target?: TaskId;
  readonly line?: number;
}

/** Mutable per-lane state while rows are folded in. */
interface LaneBuilder {
  readonly id: TaskId;
  readonly kind: "task" | "thread" | "generator";
  readonly name: string;
  readonly coro: string;
  readonly parent?: TaskId;
  readonly createdAt: VirtualTime;
  readonly createdLine: number;
  /**
   * Closed segments, in order, append-only, followed by the open segment ending at the store's
   * end as of the last `lanes()` when `hasLive`. Shared by every snapshot of the lane: a snapshot is
   * a new `Lane` object only when the lane changed, its `segments` array is this one, growing.
   */
  readonly segments: Segment[];
  hasLive: boolean;
  open?: OpenSegment;
  /** Index in `laneOrder`. */
  readonly index: number;
  finalState: FinalState;
  end?: EndDetail;
  cancelledBy?: TaskId;
  /** Step index of the lane's current step (the run-row count before its last `run` row). */
  currentStep: number;
  /** The last snapshot; reused while the lane is unchanged. */
  snapshot?: Lane;
  changed: boolean;
}

/** A console line still being assembled from chunks. */
interface OpenLine {
  /** Index into `lines` of the line being extended. */
  readonly index: number;
  readonly text: string;
}

function isDetailOfKind<K extends Detail["k"]>(detail: Detail | undefined, k: K): detail is Extract<Detail, { k: K }> {
  return detail !== undefined && detail.k === k;
}

/** States that end a lane; their segment is the lane's last. */
const OUTCOME_STATE: Record<number, "done" | "failed" | "cancelled"> = {
  [Outcome.done]: "done",
  [Outcome.failed]: "failed",
  [Outcome.cancelled]: "cancelled",
};

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
  private readonly laneById = new Map<number, LaneBuilder>();
  private readonly laneOrder: LaneBuilder[] = [];
  /** Lanes with an open segment (not finished). */
  private readonly pending = new Set<LaneBuilder>();
  /** Seconds of work and simulated I/O in closed segments (see ./savings.ts). */
  private closedSequentialS = 0;
  /** Lanes changed since the last `lanes()`, each once. */
  private readonly dirty: LaneBuilder[] = [];
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
    for (const b of this.pending) this.refreshTail(b);
    for (const b of this.dirty) {
      lanes[b.index] = snapshotOf(b);
      b.changed = false;
    }
    this.dirty.length = 0;
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
    let total = this.closedSequentialS;
    const end = this.endTime;
    for (const b of this.pending) {
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
    for (const b of this.laneOrder) segments += b.segments.length;
    let text = 0;
    for (const d of this.details) text += DETAIL_BYTES + (d.k === "text" ? d.text.length : 0);
    for (const line of this.lines) text += DETAIL_BYTES + line.text.length;
    return columns + segments * SEGMENT_BYTES + this.laneOrder.length * LANE_BYTES + text;
  }

  /** `byteSize()` per step (run row); the whole store when there are no steps yet. */
  bytesPerStep(): number {
    return this.byteSize() / Math.max(1, this.steps);
  }

  /** Number of lanes so far (O(1) after folding new rows). */
  get laneCount(): number {
    this.derive();
    return this.laneOrder.length;
  }

  /** The lane with this id, if it exists (its snapshot at this version). */
  laneOf(id: number): Lane | undefined {
    this.derive();
    const b = this.laneById.get(id);
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
    for (const b of this.dirty) this.refreshTail(b);
  }

  /**
   * Keeps the lane's last segment, while open, ending at the store's current end: replaces it (in
   * place, in the shared array) when the end moved. O(1); the `Lane` object keeps its identity.
   */
  private refreshTail(b: LaneBuilder): void {
    const open = b.open;
    if (open === undefined) return;
    const end = Math.max(open.start, this.endTime);
    const endStep = Math.max(open.startStep, this.steps);
    if (b.hasLive) {
      const tail = b.segments[b.segments.length - 1]!;
      if (tail.end === end && tail.endStep === endStep) return;
      b.segments.pop();
    }
    b.segments.push(closeSegment(open, end, endStep));
    b.hasLive = true;
  }

  /** Marks a lane as changed since the last `lanes()`. */
  private touch(lane: LaneBuilder): void {
    if (lane.changed) return;
    lane.changed = true;
    this.dirty.push(lane);
  }

  /**
   * Closes the lane's open segment at `next.start` and opens `next`. A segment that covers neither
   * time nor a step (e.g. `ready` immediately followed by `run`) is dropped: it could not be seen
   * and the neighbours stay contiguous. A terminal segment is kept even when empty: it marks the end.
   */
  private setState(lane: LaneBuilder, next: OpenSegment, terminal = false): void {
    const open = lane.open;
    if (open !== undefined && !terminal && sameState(open, next)) return;
    this.touch(lane);
    if (lane.hasLive) {
      lane.segments.pop();
      lane.hasLive = false;
    }
    if (open !== undefined) {
      const end = Math.max(open.start, next.start);
      const endStep = Math.max(open.startStep, next.startStep);
      if (end > open.start || endStep > open.startStep) {
        lane.segments.push(closeSegment(open, end, endStep));
        if (isSequentialWork(open.state, open.waitKind, lane.kind)) this.closedSequentialS += end - open.start;
      }
    }
    if (terminal) {
      lane.segments.push(closeSegment(next, next.start, next.startStep));
      lane.open = undefined;
      this.pending.delete(lane);
    } else {
      lane.open = next;
    }
  }

  /** `step` is the number of run rows before this row. */
  private applyRow(kind: number, task: number, x: number, y: number, t: number, step: number): void {
    if (kind === RowKind.created) return this.applyCreated(task, x, y, t);
    if (kind === RowKind.output) return this.applyOutput(task, x, y, t, step);
    const lane = this.laneById.get(task);
    if (lane === undefined || lane.finalState !== "pending") return;
    switch (kind) {
      case RowKind.ready:
        return this.setState(lane, { state: "ready", start: t, startStep: step });
      case RowKind.run:
        lane.currentStep = step;
        return this.setState(lane, { state: "running", start: t, startStep: step });
      case RowKind.suspend: {
        const waitKind = (x & 31) as WaitKind;
        const hasTarget = waitKind === WaitKind.task || waitKind === WaitKind.thread;
        return this.setState(lane, {
          state: "waiting",
          start: t,
          startStep: step,
          waitKind,
          ...(hasTarget && { target: taskId(x >> WAIT_TARGET_SHIFT) }),
          line: y,
        });
      }
      case RowKind.blockStart: {
        // Blocking happens inside the lane's current step; on the steps axis it covers that whole
        // step (not just its end boundary), so it starts at the step's own index.
        const open = lane.open;
        const startStep = open?.state === "running" ? Math.max(lane.currentStep, open.startStep) : step;
        return this.setState(lane, { state: "blocked", start: t, startStep, line: x });
      }
      case RowKind.blockEnd:
        if (lane.open?.state !== "blocked") return;
        return this.setState(lane, { state: "running", start: t, startStep: step });
      case RowKind.finish: {
        const state = OUTCOME_STATE[x];
        if (state === undefined) return;
        // A finish whose detail is missing still ends the lane (a lane stuck `pending` would be
        // worse than a lane without its result); only the detail is dropped.
        const detail = this.detail(y);
        this.setState(lane, { state, start: t, startStep: step }, true);
        lane.finalState = state;
        if (isDetailOfKind(detail, "end")) lane.end = detail;
        return;
      }
      case RowKind.cancel:
        if (lane.cancelledBy === undefined) {
          lane.cancelledBy = taskId(x);
          this.touch(lane);
        }
        return;
      default:
        return;
    }
  }

  private applyCreated(task: number, x: number, y: number, t: number): void {
    const detail = this.detail(x);
    if (!isDetailOfKind(detail, "lane") || this.laneById.has(task)) return;
    const d: LaneDetail = detail;
    const lane: LaneBuilder = {
      id: taskId(task),
      kind: d.lane === "thread" || d.lane === "generator" ? d.lane : "task",
      name: d.name,
      coro: d.coro,
      ...(y !== 0 && { parent: taskId(y) }),
      createdAt: virtualTime(t),
      createdLine: d.line,
      segments: [],
      hasLive: false,
      index: this.laneOrder.length,
      finalState: "pending",
      currentStep: 0,
      changed: false,
    };
    this.laneById.set(task, lane);
    this.laneOrder.push(lane);
    this.touch(lane);
    this.pending.add(lane);
  }

  private applyOutput(task: number, x: number, y: number, t: number, step: number): void {
    const detail = this.detail(y);
    if (!isDetailOfKind(detail, "text") || (x !== 1 && x !== 2)) return;
    const text: TextDetail["text"] = detail.text;
    if (text === "") return;
    const stream = x === 1 ? "stdout" : "stderr";
    const lane = this.laneById.get(task);
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

function closeSegment(open: OpenSegment, end: number, endStep: number): Segment {
  return {
    state: open.state,
    start: virtualTime(open.start),
    end: virtualTime(end),
    startStep: open.startStep,
    endStep,
    ...(open.waitKind !== undefined && { waitKind: open.waitKind }),
    ...(open.target !== undefined && { target: open.target }),
    ...(open.line !== undefined && { line: open.line }),
  };
}

/**
 * Whether a segment counts as work or simulated I/O when summing the run one step at a time. A
 * generator runs inside its driver's step, which already counts, so its lane adds nothing.
 */
function isSequentialWork(state: SegmentState, waitKind: WaitKind | undefined, lane: Lane["kind"]): boolean {
  if (lane === "generator") return false;
  return state === "running" || state === "blocked" || (state === "waiting" && (waitKind === WaitKind.sleep || lane === "thread"));
}

function sameState(a: OpenSegment, b: OpenSegment): boolean {
  return a.state === b.state && a.waitKind === b.waitKind && a.target === b.target && a.line === b.line;
}

/** A lane's snapshot: a new object over the lane's shared, growing segments array. */
function snapshotOf(b: LaneBuilder): Lane {
  const lane: Lane = {
    id: b.id,
    kind: b.kind,
    name: b.name,
    coro: b.coro,
    ...(b.parent !== undefined && { parent: b.parent }),
    createdAt: b.createdAt,
    createdLine: b.createdLine,
    segments: b.segments,
    finalState: b.finalState,
    ...(b.end !== undefined && { end: b.end }),
    ...(b.cancelledBy !== undefined && { cancelledBy: b.cancelledBy }),
  };
  b.snapshot = lane;
  return lane;
}

export function createTraceStore(): TraceStore {
  return new TraceStore();
}

/** What the event loop is doing, as drawn on the loop lane. */
export type LoopState = "running" | "idle" | "blocked";

export interface LoopSpan {
  readonly start: VirtualTime;
  readonly end: VirtualTime;
  readonly startStep: number;
  readonly endStep: number;
  readonly state: LoopState;
}

const loopMemo = new WeakMap<TraceStore, { readonly version: number; readonly spans: readonly LoopSpan[] }>();

/**
 * The loop lane: `running` while a task (not a thread lane) runs, `blocked` while a task blocks
 * the loop, `idle` otherwise; contiguous from 0 to `store.endTime`, memoised per version. Cost: a
 * full pass over the task lanes' segments plus a sort, per version.
 */
export function loopActivity(store: TraceStore): readonly LoopSpan[] {
  const memo = loopMemo.get(store);
  if (memo?.version === store.version) return memo.spans;
  const busy: LoopSpan[] = [];
  for (const lane of store.lanes()) {
    if (lane.kind !== "task") continue;
    for (const s of lane.segments) {
      if (s.state === "running" || s.state === "blocked") busy.push({ ...s, state: s.state });
    }
  }
  busy.sort((a, b) => a.start - b.start || a.startStep - b.startStep);
  const spans: LoopSpan[] = [];
  let t = 0;
  let step = 0;
  const push = (span: LoopSpan) => {
    const last = spans[spans.length - 1];
    if (last !== undefined && last.state === span.state && last.end >= span.start && last.endStep >= span.startStep) {
      spans[spans.length - 1] = {
        ...last,
        end: virtualTime(Math.max(last.end, span.end)),
        endStep: Math.max(last.endStep, span.endStep),
      };
    } else {
      spans.push(span);
    }
    t = Math.max(t, span.end);
    step = Math.max(step, span.endStep);
  };
  for (const s of busy) {
    if (s.start > t || s.startStep > step) {
      push({ state: "idle", start: virtualTime(t), end: virtualTime(Math.max(t, s.start)), startStep: step, endStep: Math.max(step, s.startStep) });
    }
    const start = Math.max(t, s.start);
    const startStep = Math.max(step, s.startStep);
    push({ state: s.state, start: virtualTime(start), end: virtualTime(Math.max(start, s.end)), startStep, endStep: Math.max(startStep, s.endStep) });
  }
  if (store.endTime > t || store.stepCount > step || spans.length === 0) {
    push({ state: "idle", start: virtualTime(t), end: virtualTime(Math.max(t, store.endTime)), startStep: step, endStep: Math.max(step, store.stepCount) });
  }
  loopMemo.set(store, { version: store.version, spans });
  return spans;
}
