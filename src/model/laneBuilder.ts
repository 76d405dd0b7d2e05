/**
 * Folding trace rows into lanes: one mutable builder per task, thread or generator lane, whose
 * open segment the lane's next row closes. Closed segments go into the lane's compact
 * ./segmentStream.ts (a few bytes each); the open one is a handful of numbers on the builder. No
 * I/O and no columns: ./traceStore.ts feeds rows in order and turns builders into `Lane`s.
 * ./referenceLanes.ts is the same folding into segment objects, kept as the tests' oracle.
 */
import { Outcome, RowKind, WAIT_TARGET_SHIFT, WaitKind, type Detail, type EndDetail, type LaneDetail } from "../protocol/trace";
import { ByteArena, SegmentStream, STATE_CODES, stateCode } from "./segmentStream";
import { taskId, virtualTime, type FinalState, type Lane, type Segment, type SegmentState, type TaskId } from "./types";

/** No open segment (the lane has not started, or it ended). */
export const NO_OPEN = -1;

const READY = stateCode("ready");
const RUNNING = stateCode("running");
const WAITING = stateCode("waiting");
const BLOCKED = stateCode("blocked");

/** Mutable per-lane state while rows are folded in; the identity fields are the `Lane`'s own. */
export interface LaneBuilder extends Pick<Lane, "id" | "kind" | "name" | "coro" | "parent" | "createdAt" | "createdLine"> {
  /** Closed segments, in order. */
  readonly stream: SegmentStream;
  /** The open segment: state code ({@link NO_OPEN} = none), start, start step, attributes (-1 = undefined). */
  openState: number;
  openStart: number;
  openStartStep: number;
  openWait: number;
  openTarget: number;
  openLine: number;
  /** Index in `LaneFolder.order`. */
  readonly index: number;
  finalState: FinalState;
  end?: EndDetail;
  cancelledBy?: TaskId;
  /** Step index of the lane's current step (the run-row count before its last `run` row). */
  currentStep: number;
  changed: boolean;
  /** The last closed segment, decoded, and its index (kept by the store for cursors at a lane's end). */
  lastSegment?: Segment;
  lastSegmentIndex?: number;
}

/**
 * A builder as a class with every field set in its constructor: one hidden class for all lanes,
 * so the per-row folding reads and writes fields at fixed offsets (an object literal with
 * conditional spreads can end up in dictionary mode).
 */
class Builder implements LaneBuilder {
  openState = NO_OPEN;
  openStart = 0;
  openStartStep = 0;
  openWait = -1;
  openTarget = -1;
  openLine = -1;
  finalState: FinalState = "pending";
  end: EndDetail | undefined = undefined;
  cancelledBy: TaskId | undefined = undefined;
  currentStep = 0;
  changed = false;
  lastSegment: Segment | undefined = undefined;
  lastSegmentIndex: number | undefined = undefined;

  constructor(
    readonly id: TaskId,
    readonly kind: Lane["kind"],
    readonly name: string,
    readonly coro: string,
    readonly parent: TaskId | undefined,
    readonly createdAt: Lane["createdAt"],
    readonly createdLine: number,
    readonly stream: SegmentStream,
    readonly index: number,
  ) {}
}

/** The state name of the builder's open segment, if any. */
export function openStateOf(b: LaneBuilder): SegmentState | undefined {
  return b.openState === NO_OPEN ? undefined : STATE_CODES[b.openState];
}

export function isDetailOfKind<K extends Detail["k"]>(detail: Detail | undefined, k: K): detail is Extract<Detail, { k: K }> {
  return detail !== undefined && detail.k === k;
}

/** States that end a lane; their segment is the lane's last. */
const OUTCOME_STATE: Record<number, "done" | "failed" | "cancelled"> = {
  [Outcome.done]: "done",
  [Outcome.failed]: "failed",
  [Outcome.cancelled]: "cancelled",
};

/** Estimated heap bytes of one builder with its open segment (V8, pointer compression). */
export const BUILDER_BYTES = 128;

/**
 * Every lane's builder, and what is kept as rows fold in: which lanes are still open, which
 * changed since the last snapshot, and the seconds of sequential work in closed segments.
 */
export class LaneFolder {
  /** Builders by task id. */
  readonly byId = new Map<number, LaneBuilder>();
  /** Builders in creation order; a builder's `index` is its place here. */
  readonly order: LaneBuilder[] = [];
  /** Lanes with an open segment (not finished). */
  readonly pending = new Set<LaneBuilder>();
  /** Lanes changed since the last snapshot, each once; the caller empties it after snapshotting. */
  readonly dirty: LaneBuilder[] = [];
  private closedS = 0;
  /** Segments of every lane, closed and open: what summing `segmentCount` over the lanes gives. */
  private segments = 0;

  /**
   * `detailOf` reads the trace's detail table (lane names, finish results); `arena` holds every
   * lane's segment chunks.
   */
  constructor(
    private readonly detailOf: (index: number) => Detail | undefined,
    readonly arena: ByteArena = new ByteArena(),
  ) {}

  /** Seconds of work and simulated I/O in closed segments (see ./savings.ts). */
  get closedSequentialS(): number {
    return this.closedS;
  }

  /** Every lane's segments, closed and open (O(1); the same as summing each lane's `segmentCount`). */
  get segmentTotal(): number {
    return this.segments;
  }

  /** Folds in one row that is not `created` or `output`. `step` is the number of run rows before it. */
  applyRow(kind: number, task: number, x: number, y: number, t: number, step: number): void {
    const lane = this.byId.get(task);
    if (lane === undefined || lane.finalState !== "pending") return;
    switch (kind) {
      case RowKind.ready:
        return this.setState(lane, READY, t, step, -1, -1, -1);
      case RowKind.run:
        lane.currentStep = step;
        return this.setState(lane, RUNNING, t, step, -1, -1, -1);
      case RowKind.suspend: {
        const waitKind = x & 31;
        // A task or thread wait names its target lane; a sleep's target bits hold the length it
        // asked for (decoded into `Segment.sleepFor` by ./segmentStream.ts's segmentOf).
        const hasTarget = waitKind === WaitKind.task || waitKind === WaitKind.thread || (waitKind === WaitKind.sleep && x >> WAIT_TARGET_SHIFT > 0);
        return this.setState(lane, WAITING, t, step, waitKind, hasTarget ? x >> WAIT_TARGET_SHIFT : -1, y);
      }
      case RowKind.blockStart: {
        // Blocking happens inside the lane's current step; on the steps axis it covers that whole
        // step (not just its end boundary), so it starts at the step's own index.
        const startStep = lane.openState === RUNNING ? Math.max(lane.currentStep, lane.openStartStep) : step;
        return this.setState(lane, BLOCKED, t, startStep, -1, -1, x);
      }
      case RowKind.blockEnd:
        if (lane.openState !== BLOCKED) return;
        return this.setState(lane, RUNNING, t, step, -1, -1, -1);
      case RowKind.finish: {
        const state = OUTCOME_STATE[x];
        if (state === undefined) return;
        // A finish whose detail is missing still ends the lane (a lane stuck `pending` would be
        // worse than a lane without its result); only the detail is dropped.
        const detail = this.detailOf(y);
        this.setState(lane, stateCode(state), t, step, -1, -1, -1, true);
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

  /** Folds in a `created` row: a new lane, unless its detail is missing or the id is taken. */
  applyCreated(task: number, x: number, y: number, t: number): void {
    const detail = this.detailOf(x);
    if (!isDetailOfKind(detail, "lane") || this.byId.has(task)) return;
    const d: LaneDetail = detail;
    const kind = d.lane === "thread" || d.lane === "generator" ? d.lane : "task";
    const lane = new Builder(taskId(task), kind, d.name, d.coro, y !== 0 ? taskId(y) : undefined, virtualTime(t), d.line, new SegmentStream(this.arena), this.order.length);
    this.byId.set(task, lane);
    this.order.push(lane);
    this.touch(lane);
    this.pending.add(lane);
  }

  /** Marks a lane as changed since the last snapshot. */
  private touch(lane: LaneBuilder): void {
    if (lane.changed) return;
    lane.changed = true;
    this.dirty.push(lane);
  }

  /**
   * Closes the lane's open segment at the next one's start and opens the next. A segment that
   * covers neither time nor a step (e.g. `ready` immediately followed by `run`) is dropped: it
   * could not be seen and the neighbours stay contiguous. A terminal segment is kept even when
   * empty: it marks the end.
   */
  private setState(lane: LaneBuilder, state: number, start: number, startStep: number, wait: number, target: number, line: number, terminal = false): void {
    const open = lane.openState;
    if (open !== NO_OPEN && !terminal && open === state && lane.openWait === wait && lane.openTarget === target && lane.openLine === line) return;
    this.touch(lane);
    if (open !== NO_OPEN) {
      const end = Math.max(lane.openStart, start);
      const endStep = Math.max(lane.openStartStep, startStep);
      if (end > lane.openStart || endStep > lane.openStartStep) {
        lane.stream.push(open, lane.openStart, lane.openStartStep, end, endStep, lane.openWait, lane.openTarget, lane.openLine);
        if (isSequentialWork(STATE_CODES[open]!, lane.openWait === -1 ? undefined : (lane.openWait as WaitKind), lane.kind)) this.closedS += end - lane.openStart;
      } else {
        this.segments--; // the open segment, counted while open, is dropped
      }
    }
    this.segments++; // the terminal segment, or the newly open one
    if (terminal) {
      lane.stream.push(state, start, startStep, start, startStep, wait, target, line);
      lane.openState = NO_OPEN;
      this.pending.delete(lane);
    } else {
      lane.openState = state;
      lane.openStart = start;
      lane.openStartStep = startStep;
      lane.openWait = wait;
      lane.openTarget = target;
      lane.openLine = line;
    }
  }
}

/**
 * Whether a segment counts as work or simulated I/O when summing the run one step at a time. A
 * generator runs inside its driver's step, which already counts, so its lane adds nothing.
 */
export function isSequentialWork(state: SegmentState, waitKind: WaitKind | undefined, lane: Lane["kind"]): boolean {
  if (lane === "generator") return false;
  return state === "running" || state === "blocked" || (state === "waiting" && (waitKind === WaitKind.sleep || lane === "thread"));
}
