/**
 * The reference derivation of lanes, for tests only: the same folding as ./laneBuilder.ts, but
 * into plain `Segment` objects (the page's store used this until issue #8 made segments compact).
 * Tests check that the compact store gives exactly these segments. Not used by the app.
 */
import { decodeSleepSeconds, Outcome, RowKind, WAIT_TARGET_SHIFT, WaitKind, type Detail, type EndDetail, type LaneDetail, type TraceColumns } from "../protocol/trace";
import { taskId, virtualTime, type FinalState, type Lane, type Segment, type SegmentState, type TaskId } from "./types";

/** The state a lane is in right now, not yet closed by a later row. */
export interface OpenSegment {
  readonly state: SegmentState;
  readonly start: number;
  readonly startStep: number;
  readonly waitKind?: WaitKind;
  readonly target?: TaskId;
  readonly sleepFor?: number;
  readonly line?: number;
}

/** Mutable per-lane state while rows are folded in; the identity fields are the `Lane`'s own. */
export interface LaneBuilder extends Pick<Lane, "id" | "kind" | "name" | "coro" | "parent" | "createdAt" | "createdLine"> {
  /**
   * Closed segments, in order, append-only, followed by the open segment ending at the store's
   * end as of the last `lanes()` when `hasLive`. Shared by every snapshot of the lane: a snapshot is
   * a new `Lane` object only when the lane changed, its `segments` array is this one, growing.
   */
  readonly segments: Segment[];
  hasLive: boolean;
  open?: OpenSegment;
  /** Index in `LaneFolder.order`. */
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

export function isDetailOfKind<K extends Detail["k"]>(detail: Detail | undefined, k: K): detail is Extract<Detail, { k: K }> {
  return detail !== undefined && detail.k === k;
}

/** States that end a lane; their segment is the lane's last. */
const OUTCOME_STATE: Record<number, "done" | "failed" | "cancelled"> = {
  [Outcome.done]: "done",
  [Outcome.failed]: "failed",
  [Outcome.cancelled]: "cancelled",
};

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

  /** `detailOf` reads the trace's detail table (lane names, finish results). */
  constructor(private readonly detailOf: (index: number) => Detail | undefined) {}

  /** Seconds of work and simulated I/O in closed segments (see ./savings.ts). */
  get closedSequentialS(): number {
    return this.closedS;
  }

  /**
   * Keeps the lane's last segment, while open, ending at the run's current end (`endTime`,
   * `stepCount`): replaces it (in place, in the shared array) when the end moved. O(1); the `Lane`
   * object keeps its identity.
   */
  refreshTail(b: LaneBuilder, endTime: number, stepCount: number): void {
    const open = b.open;
    if (open === undefined) return;
    const end = Math.max(open.start, endTime);
    const endStep = Math.max(open.startStep, stepCount);
    if (b.hasLive) {
      const tail = b.segments[b.segments.length - 1]!;
      if (tail.end === end && tail.endStep === endStep) return;
      b.segments.pop();
    }
    b.segments.push(closeSegment(open, end, endStep));
    b.hasLive = true;
  }

  /** Folds in one row that is not `created` or `output`. `step` is the number of run rows before it. */
  applyRow(kind: number, task: number, x: number, y: number, t: number, step: number): void {
    const lane = this.byId.get(task);
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
        const sleepFor = waitKind === WaitKind.sleep ? decodeSleepSeconds(x >> WAIT_TARGET_SHIFT) : undefined;
        return this.setState(lane, {
          state: "waiting",
          start: t,
          startStep: step,
          waitKind,
          ...(hasTarget && { target: taskId(x >> WAIT_TARGET_SHIFT) }),
          ...(sleepFor !== undefined && { sleepFor }),
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
        const detail = this.detailOf(y);
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

  /** Folds in a `created` row: a new lane, unless its detail is missing or the id is taken. */
  applyCreated(task: number, x: number, y: number, t: number): void {
    const detail = this.detailOf(x);
    if (!isDetailOfKind(detail, "lane") || this.byId.has(task)) return;
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
      index: this.order.length,
      finalState: "pending",
      currentStep: 0,
      changed: false,
    };
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
        if (isSequentialWork(open.state, open.waitKind, lane.kind)) this.closedS += end - open.start;
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
    ...(open.sleepFor !== undefined && { sleepFor: open.sleepFor }),
    ...(open.line !== undefined && { line: open.line }),
  };
}

/**
 * Whether a segment counts as work or simulated I/O when summing the run one step at a time. A
 * generator runs inside its driver's step, which already counts, so its lane adds nothing.
 */
export function isSequentialWork(state: SegmentState, waitKind: WaitKind | undefined, lane: Lane["kind"]): boolean {
  if (lane === "generator") return false;
  return state === "running" || state === "blocked" || (state === "waiting" && (waitKind === WaitKind.sleep || lane === "thread"));
}

function sameState(a: OpenSegment, b: OpenSegment): boolean {
  return a.state === b.state && a.waitKind === b.waitKind && a.target === b.target && a.sleepFor === b.sleepFor && a.line === b.line;
}

/** A lane's snapshot: a new object over the lane's shared, growing segments array. */
export function snapshotOf(b: LaneBuilder): Lane {
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

/** Every lane of a whole trace by the reference folding; open segments end at `finishedAt` (else the max t) and the step count. */
export function referenceLanes(columns: TraceColumns, details: readonly Detail[], finishedAt?: number): readonly Lane[] {
  const folder = new LaneFolder((index) => (Number.isInteger(index) && index >= 0 ? details[index] : undefined));
  let steps = 0;
  let maxT = 0;
  for (let i = 0; i < columns.kind.length; i++) {
    const kind = columns.kind[i]!;
    const t = columns.t[i]!;
    if (t > maxT) maxT = t;
    if (kind === RowKind.created) folder.applyCreated(columns.task[i]!, columns.x[i]!, columns.y[i]!, t);
    else if (kind !== RowKind.output) folder.applyRow(kind, columns.task[i]!, columns.x[i]!, columns.y[i]!, t, steps);
    if (kind === RowKind.run) steps++;
  }
  const end = finishedAt ?? maxT;
  for (const b of folder.pending) folder.refreshTail(b, end, steps);
  return folder.order.map((b) => snapshotOf(b));
}
