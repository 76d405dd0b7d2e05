/**
 * Builds synthetic trace batches for tests: one method per row kind, in the order the facts
 * happen, so a test reads like the run it describes. Not used by the app itself.
 */
import {
  HandoffDirection,
  Outcome,
  RowKind,
  WAIT_TARGET_SHIFT,
  WaitKind,
  WakerKind,
  type Detail,
  type EndDetail,
  type TraceColumns,
} from "../protocol/trace";

interface Row {
  readonly kind: number;
  readonly task: number;
  readonly x: number;
  readonly y: number;
  readonly t: number;
}

export interface TraceBatch {
  readonly columns: TraceColumns;
  readonly details: readonly Detail[];
}

export class TraceBuilder {
  private rows: Row[] = [];
  private details: Detail[] = [];
  /** Details handed out before this builder's next batch: indices stay global over the run. */
  private detailBase: number;

  /** `firstDetailIndex`: how many details the run already has (to continue an existing store). */
  constructor(firstDetailIndex = 0) {
    this.detailBase = firstDetailIndex;
  }

  /** Appends a raw row (for malformed-input tests). */
  row(kind: number, task: number, x: number, y: number, t: number): this {
    this.rows.push({ kind, task, x, y, t });
    return this;
  }

  private addDetail(detail: Detail): number {
    this.details.push(detail);
    return this.detailBase + this.details.length - 1;
  }

  created(
    task: number,
    name: string,
    parent = 0,
    opts: { readonly t?: number; readonly coro?: string; readonly line?: number; readonly lane?: "task" | "thread" | "generator" } = {},
  ): this {
    const index = this.addDetail({
      k: "lane",
      lane: opts.lane ?? "task",
      name,
      coro: opts.coro ?? name.toLowerCase(),
      line: opts.line ?? 0,
    });
    return this.row(RowKind.created, task, index, parent, opts.t ?? 0);
  }

  thread(task: number, name: string, parent: number, t: number, coro = "fn"): this {
    return this.created(task, name, parent, { t, coro, lane: "thread" });
  }

  ready(task: number, t: number, waker: WakerKind = WakerKind.start, by = 0): this {
    return this.row(RowKind.ready, task, waker, by, t);
  }

  run(task: number, t: number): this {
    return this.row(RowKind.run, task, 0, 0, t);
  }

  suspend(task: number, t: number, waitKind: WaitKind = WaitKind.sleep, target = 0, line = 0): this {
    return this.row(RowKind.suspend, task, waitKind | (target << WAIT_TARGET_SHIFT), line, t);
  }

  blockStart(task: number, t: number, line = 0): this {
    return this.row(RowKind.blockStart, task, line, 0, t);
  }

  blockEnd(task: number, t: number): this {
    return this.row(RowKind.blockEnd, task, 0, 0, t);
  }

  finish(task: number, t: number, outcome: Outcome = Outcome.done, detail: Omit<EndDetail, "k"> = {}): this {
    const index = this.addDetail({ k: "end", ...detail });
    return this.row(RowKind.finish, task, outcome, index, t);
  }

  cancel(task: number, t: number, by = 0, message?: string): this {
    const index = message === undefined ? -1 : this.addDetail({ k: "text", text: message });
    return this.row(RowKind.cancel, task, by, index, t);
  }

  output(task: number, t: number, text: string, stream: "stdout" | "stderr" = "stdout"): this {
    const index = this.addDetail({ k: "text", text });
    return this.row(RowKind.output, task, stream === "stdout" ? 1 : 2, index, t);
  }

  /** `print(text)` as Python does it: the text and the newline as two writes. */
  print(task: number, t: number, text: string, stream: "stdout" | "stderr" = "stdout"): this {
    return this.output(task, t, text, stream).output(task, t, "\n", stream);
  }

  /** asyncio would warn here (a problem on the lane). */
  warning(task: number, t: number, code: string, message: string, line = 0, cycle?: readonly number[]): this {
    const index = this.addDetail({ k: "warning", code, message, line, ...(cycle !== undefined && { cycle }) });
    return this.row(RowKind.warning, task, index, 0, t);
  }

  /** A value passed into (`in`) or out of (`out`) a generator lane. */
  handoff(task: number, t: number, text: string, direction: "in" | "out"): this {
    const index = this.addDetail({ k: "text", text });
    return this.row(RowKind.handoff, task, index, direction === "in" ? HandoffDirection.in : HandoffDirection.out, t);
  }

  loopEnd(t: number): this {
    return this.row(RowKind.loopEnd, 0, 0, 0, t);
  }

  /** A whole step: ready (optional) is up to the caller; this is run + suspend. */
  step(task: number, start: number, end: number, waitKind: WaitKind = WaitKind.sleep, target = 0, line = 0): this {
    return this.run(task, start).suspend(task, end, waitKind, target, line);
  }

  /** The rows added since the last build, as one batch; detail indices continue across batches. */
  build(): TraceBatch {
    const n = this.rows.length;
    const columns: TraceColumns = {
      kind: new Uint8Array(n),
      task: new Int32Array(n),
      x: new Int32Array(n),
      y: new Int32Array(n),
      t: new Float64Array(n),
    };
    this.rows.forEach((r, i) => {
      columns.kind[i] = r.kind;
      columns.task[i] = r.task;
      columns.x[i] = r.x;
      columns.y[i] = r.y;
      columns.t[i] = r.t;
    });
    const batch = { columns, details: this.details };
    this.detailBase += this.details.length;
    this.rows = [];
    this.details = [];
    return batch;
  }
}

/**
 * The reference scenario used across tests: three tasks each do ready → running → waiting
 * (sleep 1 s) → running, then one is done, one failed and one cancelled by main.
 */
export function threeTasksTrace(): TraceBatch {
  const b = new TraceBuilder();
  b.created(1, "main", 0, { coro: "main", line: 10 }).ready(1, 0).run(1, 0);
  b.created(2, "Task-2", 1, { coro: "worker", line: 3 }).ready(2, 0);
  b.created(3, "Task-3", 1, { coro: "boom", line: 4 }).ready(3, 0);
  b.created(4, "Task-4", 1, { coro: "slow", line: 5 }).ready(4, 0);
  b.suspend(1, 0, WaitKind.sleep, 0, 11);
  b.run(2, 0).print(2, 0, "worker start").suspend(2, 0, WaitKind.sleep, 1_000_000 << 1, 6); // asked for 1 s (µs << 1)
  b.run(3, 0).suspend(3, 0, WaitKind.sleep, 0, 7);
  b.run(4, 0).suspend(4, 0, WaitKind.sleep, 0, 8);
  b.ready(2, 1, WakerKind.timer).ready(3, 1, WakerKind.timer).ready(4, 1, WakerKind.timer);
  b.run(2, 1).print(2, 1, "worker end").finish(2, 1, Outcome.done, { result: "42" });
  b.run(3, 1).finish(3, 1, Outcome.failed, { excType: "ValueError", excMessage: "boom" });
  b.run(4, 1).suspend(4, 1, WaitKind.sleep, 0, 9);
  b.ready(1, 1.5, WakerKind.timer).run(1, 1.5).cancel(4, 1.5, 1).suspend(1, 1.5, WaitKind.task, 4, 12);
  b.ready(4, 1.5, WakerKind.cancel, 1).run(4, 1.5).finish(4, 1.5, Outcome.cancelled, {});
  b.ready(1, 1.5, WakerKind.done, 4).run(1, 1.5).finish(1, 1.5, Outcome.done, { result: "None" });
  b.loopEnd(1.5);
  return b.build();
}
