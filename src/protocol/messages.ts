/**
 * The page ↔ worker contract: one tagged union per direction. Commands to the worker are
 * imperative; reports from the worker are facts. Everything a worker sends is untrusted until
 * `parseFromWorker` (in ./validate.ts) has accepted it.
 */
import type { Brand } from "../lib/brand";
import type { Detail, TraceColumns } from "./trace";

export const PROTOCOL_VERSION = 1;

/** Identifies one press of Run; messages of any other run are stale. */
export type RunId = Brand<number, "RunId">;
export const runId = (n: number) => n as RunId;

/** How the virtual clock treats computation (DESIGN.md §1). */
export type ClockMode = "realistic" | "ideal";

/** Limits that end a run as `stopped` instead of letting it run away. */
export interface RunBudget {
  /** Virtual seconds after which the run stops. */
  readonly virtualHorizonS: number;
  /** Task steps after which the run stops. */
  readonly maxSteps: number;
  /** Tasks created after which the run stops. */
  readonly maxTasks: number;
  /** Bytes of printed output after which the run stops. */
  readonly maxOutputBytes: number;
  /**
   * Trace rows (events) a run may hand the page, which keeps every one (≈ 21 bytes each). Optional
   * so older callers keep working; the worker's default is DEFAULT_BUDGET's.
   */
  readonly maxTraceEvents?: number;
  /**
   * Real (wall-clock) seconds a run may take; enforced by the page (RunnerClient), which
   * interrupts or terminates the worker. Optional so older callers keep working.
   */
  readonly wallClockS?: number;
}

export const DEFAULT_BUDGET: RunBudget = {
  virtualHorizonS: 3600,
  maxSteps: 2_000_000,
  maxTasks: 20_000,
  maxOutputBytes: 2_000_000,
  maxTraceEvents: 10_000_000,
  wallClockS: 20,
};

/** One line of the Requests panel: HTTP requests sent to the program's FastAPI app after it is defined. */
export interface HttpRequestSpec {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path with query, e.g. "/orders?burgers=3&coca=2&consumer=Ann". */
  readonly path: string;
  /** How many concurrent copies to send (1–1000). */
  readonly copies: number;
  /** Virtual seconds between the starts of consecutive copies. */
  readonly staggerS: number;
}

export interface RunOptions {
  readonly clock: ClockMode;
  readonly budget: RunBudget;
  /** Requests for the program's web app (the Requests panel); absent for a plain Run. */
  readonly requests?: readonly HttpRequestSpec[];
}

export type ToWorker =
  /**
   * First message (on the worker's own channel): where the Pyodide runtime files are served (a URL
   * ending in "/"), the private port every later message travels on (both ways), and, when the
   * page is cross-origin isolated, a shared Int32Array(1) used as Pyodide's interrupt buffer.
   */
  | {
      readonly type: "init";
      readonly protocolVersion: number;
      readonly pyodideUrl: string;
      readonly port?: MessagePort;
      readonly interruptBuffer?: Int32Array;
      /**
       * `spare` (default): boot an interpreter for a run, from the stored memory snapshot when there
       * is a valid one. `snapshot-maker`: boot one only to store its memory snapshot, report a
       * SnapshotReport and never run anything (the page terminates it).
       */
      readonly role?: "spare" | "snapshot-maker";
    }
  | { readonly type: "run"; readonly runId: RunId; readonly source: string; readonly options: RunOptions };

/** Why a run was stopped before it finished by itself. Names are a public contract (DESIGN.md §5). */
export type StopReason =
  | "user"
  | "wall-clock"
  | "virtual-horizon"
  | "steps"
  | "tasks"
  | "output"
  | "trace-events"
  | "deadlock"
  | "fatal"
  | "memory";

/** An uncaught exception or a syntax error, located in the user's source. */
export interface ProgramError {
  readonly kind: "syntax" | "exception";
  /** Exception type name, e.g. "SyntaxError", "ValueError". */
  readonly excType: string;
  readonly message: string;
  /** 1-based line in the user's source, when known. */
  readonly line?: number;
  /** 1-based column, when known (syntax errors). */
  readonly column?: number;
  /** Traceback limited to the user's frames; its last line is "Type: message". */
  readonly traceback: string;
}

export type RunEnd =
  | { readonly status: "done" }
  | { readonly status: "error"; readonly error: ProgramError }
  | { readonly status: "stopped"; readonly reason: StopReason; readonly message: string };

/** Totals of a run, as shown in the run summary. */
export interface RunTotals {
  /** Virtual seconds from program start to end. */
  readonly virtualTimeS: number;
  readonly tasks: number;
  readonly steps: number;
}

export type FromWorker =
  | { readonly type: "progress"; readonly stage: string; readonly fraction: number }
  | {
      readonly type: "ready";
      readonly protocolVersion: number;
      readonly pythonVersion: string;
      /** How the interpreter started: restored from the stored memory snapshot, or a full boot. */
      readonly bootedFrom?: BootSource;
    }
  | { readonly type: "bootFailed"; readonly message: string }
  | {
      readonly type: "trace";
      readonly runId: RunId;
      readonly columns: TraceColumns;
      /** Details referenced by these rows, appended in order to the run's detail list. */
      readonly details: readonly Detail[];
    }
  | { readonly type: "runEnded"; readonly runId: RunId; readonly end: RunEnd; readonly totals: RunTotals }
  | {
      readonly type: "crashed";
      readonly message: string;
      /** What killed the interpreter: a fatal error (default) or running out of memory. */
      readonly reason?: "fatal" | "memory";
    };

/** How an interpreter started (README "Startup"): restored from the memory snapshot, or a full boot. */
export type BootSource = "snapshot" | "fresh";

/**
 * The one report of a `snapshot-maker` worker: it stored a new memory snapshot, found a valid one
 * already stored, or could not make one (the page then keeps booting fully; nothing breaks).
 */
export interface SnapshotReport {
  readonly type: "snapshot";
  readonly outcome: "stored" | "present" | "failed";
  readonly message?: string;
}

/** How a run was ended from the page side: Python interrupted, or the worker terminated. */
export type StopRung = "interrupt" | "terminate";

/**
 * What the runner reports to the store: the worker's (validated) messages plus facts the page
 * itself establishes. `stopOutcome` never comes from a worker (parseFromWorker rejects it).
 */
export type RunnerEvent =
  | FromWorker
  | {
      readonly type: "stopOutcome";
      readonly runId: RunId;
      /** `user` (Stop pressed) or `wall-clock` (the run's real-time budget ran out). */
      readonly reason: "user" | "wall-clock";
      readonly rung: StopRung;
      /** The wall-clock budget in force, for the message. */
      readonly wallClockS: number;
    };
