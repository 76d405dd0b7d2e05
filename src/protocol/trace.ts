/**
 * The trace wire format: what the worker's recorder emits and the page stores.
 *
 * Every scheduling fact is one fixed-width *row*: `kind`, `task`, `x`, `y`, `t`. Rows are shipped
 * as five parallel typed arrays (columns), so a batch of a million rows costs five transfers, not a
 * million objects. The rare facts that carry text (a task's name, an exception, printed output)
 * put it in a *detail*: a small JSON object appended to a per-run list, referenced from a row by
 * its index. Row order is the order the facts happened in; `t` is not monotonic across tasks,
 * because a thread lane runs ahead on its own clock.
 *
 * The Python mirror of these numbers is `src/worker/python/taskline/wire.py`; a test keeps the two
 * in step.
 */

/** What a row says. Field meanings per kind are in the comments; unused fields are 0. */
export const RowKind = {
  /** A lane came to life. task = id, x = detail index (a {@link LaneDetail}), y = parent task id (0 = none). */
  created: 1,
  /** The task was scheduled to run. x = {@link WakerKind}, y = the waking task id (0 = loop/timer/none). */
  ready: 2,
  /** A step of the task started at t. */
  run: 3,
  /**
   * The step ended at t and the task waits. x = {@link WaitKind} | (target << 5), y = source line
   * (0 = unknown). The target is a lane id for `task`/`thread` waits, and for `sleep` the length
   * asked for (see {@link decodeSleepSeconds}; 0 = not recorded).
   */
  suspend: 4,
  /** The task ended at t. x = {@link Outcome}, y = detail index (an {@link EndDetail}). */
  finish: 5,
  /** Someone asked for the task to be cancelled. x = requesting task id (0 = outside any task), y = detail index of a {@link TextDetail} with the message, or -1. */
  cancel: 6,
  /** The task printed. x = 1 stdout | 2 stderr, y = detail index of a {@link TextDetail}. */
  output: 7,
  /** The task started blocking the loop (e.g. `time.sleep`) at t. x = source line. */
  blockStart: 8,
  /** The blocking call that started at the previous blockStart of this task ended at t. */
  blockEnd: 9,
  /** asyncio would warn here. x = detail index of a {@link WarningDetail}. */
  warning: 10,
  /** The loop ran a plain callback (not a task step) at t. task = 0. */
  callback: 11,
  /** A run of the loop ended at t (loop closed or run_until_complete returned). */
  loopEnd: 12,
  /**
   * A value passed between a generator lane and its driver. task = the generator lane, x = detail
   * index of a {@link TextDetail} (`next()`, `send(10)`, `yielded 3`, `returned 42 (StopIteration)`),
   * y = {@link HandoffDirection}.
   */
  handoff: 13,
} as const;
export type RowKind = (typeof RowKind)[keyof typeof RowKind];

/** What a suspended task waits on (the low 5 bits of a suspend row's x). */
export const WaitKind = {
  unknown: 0,
  sleep: 1,
  task: 2,
  gather: 3,
  lock: 4,
  semaphore: 5,
  event: 6,
  condition: 7,
  queue: 8,
  barrier: 9,
  future: 10,
  thread: 11,
  taskGroup: 12,
  wait: 13,
  timeout: 14,
  /** A generator lane paused at a `yield` (y of the suspend row = the yield's line). */
  yield: 15,
} as const;
export type WaitKind = (typeof WaitKind)[keyof typeof WaitKind];

/** Who or what made a task ready (a ready row's x). */
export const WakerKind = {
  /** The task was just created (first step). */
  start: 0,
  /** A timer fired (sleep ended, timeout). */
  timer: 1,
  /** An awaited task or future completed. */
  done: 2,
  /** A synchronisation primitive released it (lock release, event set, queue put, ...). */
  primitive: 3,
  /** It was cancelled. */
  cancel: 4,
  /** A thread lane finished. */
  thread: 5,
  /** Anything else (a plain callback, sleep(0) yielding). */
  other: 6,
} as const;
export type WakerKind = (typeof WakerKind)[keyof typeof WakerKind];

/** Which way a handoff row's value went (its y). */
export const HandoffDirection = {
  /** From the driver into the generator: next(), send(x), throw(e), close(). */
  in: 1,
  /** From the generator to the driver: a yielded value, the return value, the exception. */
  out: 2,
} as const;
export type HandoffDirection = (typeof HandoffDirection)[keyof typeof HandoffDirection];

/** How a lane ended (a finish row's x). */
export const Outcome = { done: 0, failed: 1, cancelled: 2 } as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** The bit shift that packs a wait target id above the wait kind in a suspend row's x. */
export const WAIT_TARGET_SHIFT = 5;

/**
 * The seconds a sleep asked for, from a `sleep` suspend row's target bits (session.py
 * `_sleep_code`): (µs << 1), or (ms << 1) | 1 for long sleeps; undefined for 0 (not recorded).
 */
export function decodeSleepSeconds(target: number): number | undefined {
  if (target <= 0) return undefined;
  return (target & 1) === 1 ? (target >>> 1) / 1e3 : (target >>> 1) / 1e6;
}

/** Describes a new lane (referenced by a `created` row). */
export interface LaneDetail {
  readonly k: "lane";
  /**
   * "task" for an asyncio Task, "thread" for a to_thread/run_in_executor lane, "generator" for a
   * generator or async generator of the user's code (see generators.py).
   */
  readonly lane: "task" | "thread" | "generator";
  /** Task name as asyncio reports it (`Task-3` or the name given). */
  readonly name: string;
  /** Coroutine (or function, for a thread lane) qualified name. */
  readonly coro: string;
  /** Line in the user's source where it was created; 0 when not in user code. */
  readonly line: number;
}

/** How a lane ended (referenced by a `finish` row). */
export interface EndDetail {
  readonly k: "end";
  /** repr() of the result, shortened; absent when failed or cancelled. */
  readonly result?: string;
  /** Exception type name when failed (or the CancelledError message when cancelled). */
  readonly excType?: string;
  readonly excMessage?: string;
  /** Traceback limited to the user's frames. */
  readonly traceback?: string;
}

/** Printed output or a cancellation message. */
export interface TextDetail {
  readonly k: "text";
  readonly text: string;
}

/** Something asyncio itself would warn about. */
export interface WarningDetail {
  readonly k: "warning";
  /** Stable machine name, e.g. "never-awaited", "exception-never-retrieved", "slow-step". */
  readonly code: string;
  readonly message: string;
  readonly line: number;
  /** For "deadlock" and "await-cycle": the lane ids of the await cycle the message names, if any. */
  readonly cycle?: readonly number[];
}

export type Detail = LaneDetail | EndDetail | TextDetail | WarningDetail;

/** One batch of rows as columns; all five arrays have the same length. */
export interface TraceColumns {
  readonly kind: Uint8Array;
  readonly task: Int32Array;
  readonly x: Int32Array;
  readonly y: Int32Array;
  /** Virtual seconds since the program started. */
  readonly t: Float64Array;
}
