/**
 * What the status line says: the public `data-state` / `data-reason` (DESIGN.md §5) and a plain
 * sentence. Before the first run it describes the runtime; after that, how the last run ended.
 */
import { formatVirtualTime } from "../../model/timeFormat";
import type { ProgramError, RunTotals, StopReason } from "../../protocol/messages";
import { USER_STOP_MESSAGE, type RunStatus, type RuntimeStatus } from "../../store";
import { translator, type Translate } from "../i18n";

const ENGLISH = translator("en");

export type StatusState = "booting" | "ready" | "starting" | "running" | "done" | "error" | "stopped" | "crashed";

export interface StatusView {
  readonly state: StatusState;
  /** Only for `stopped` and `crashed`. */
  readonly reason: string | undefined;
  readonly text: string;
}

/** `t` gives the words in the page's language; the `data-*` values never change with it. */
export function describeStatus(runtime: RuntimeStatus, runStatus: RunStatus, totals: RunTotals | undefined, t: Translate = ENGLISH): StatusView {
  switch (runStatus.kind) {
    case "idle":
      return describeRuntime(runtime, t);
    case "starting":
      return { state: "starting", reason: undefined, text: t("status.starting", { percent: Math.round((runtime.kind === "booting" ? runtime.fraction : 1) * 100) }) };
    case "running":
      return { state: "running", reason: undefined, text: t("status.running") };
    case "done":
      return { state: "done", reason: undefined, text: t("status.done", { time: formatVirtualTime(totals?.virtualTimeS ?? 0) }) };
    case "error":
      return { state: "error", reason: undefined, text: t("status.error", { error: describeProgramError(runStatus.error) }) };
    case "stopped":
      return {
        state: "stopped",
        reason: runStatus.reason,
        text: runStatus.message === "" ? t("status.stoppedBare", { reason: runStatus.reason }) : t("status.stopped", { message: ownWords(runStatus.message, t) }),
      };
    case "crashed":
      return {
        state: "crashed",
        reason: runStatus.reason,
        text: t("status.crashed", { message: runStatus.message || t("status.crashedDefault") }),
      };
  }
}

/**
 * The page's own stop messages (store/runSlice: Stop pressed, the real-time limit, and how the
 * worker was ended) in the page's language; the worker's messages stay as they are.
 */
function ownWords(message: string, t: Translate): string {
  const [head = "", ...rest] = message.split("; ");
  const wallClock = WALL_CLOCK.exec(head);
  const said =
    head === USER_STOP_MESSAGE ? t("status.userStop") : wallClock !== null ? t("status.wallClock", { seconds: wallClock[1] ?? "" }) : undefined;
  if (said === undefined) return message;
  return [said, ...rest.map((part) => (part === RUNG_INTERRUPT ? t("status.rung.interrupt") : part === RUNG_TERMINATE ? t("status.rung.terminate") : part))].join("; ");
}

/** store/runSlice's wall-clock stop message, recognised so it can be said in the chosen language. */
const WALL_CLOCK = /^the program ran for more than ([\d,.]+) s of real time, the limit for one run(?: \([^)]*\))?$/;
const RUNG_INTERRUPT = "Python was interrupted";
const RUNG_TERMINATE = "the Python worker was terminated and a fresh one took over";

function describeRuntime(runtime: RuntimeStatus, t: Translate): StatusView {
  switch (runtime.kind) {
    case "booting":
      return { state: "booting", reason: undefined, text: t("status.booting", { percent: Math.round(runtime.fraction * 100) }) };
    case "ready":
      return { state: "ready", reason: undefined, text: t("status.ready") };
    case "bootFailed":
      return { state: "crashed", reason: "fatal", text: t("status.bootFailed", { message: runtime.message }) };
  }
}

/**
 * Why the current run's trace is incomplete, or undefined when the run ended by itself (done,
 * error) or by a deadlock (nothing could ever happen again: the trace is whole).
 */
export function incompleteBecause(runStatus: RunStatus): Exclude<StopReason, "deadlock"> | undefined {
  if (runStatus.kind === "crashed") return "fatal";
  if (runStatus.kind !== "stopped" || runStatus.reason === "deadlock") return undefined;
  return runStatus.reason;
}

/** "ValueError: boom (line 4)", "SyntaxError: invalid syntax (line 3, column 5)". */
export function describeProgramError(error: ProgramError): string {
  const head = error.message === "" ? error.excType : `${error.excType}: ${error.message}`;
  if (error.line === undefined || error.line <= 0) return head;
  const column = error.column !== undefined && error.column > 0 ? `, column ${error.column}` : "";
  return `${head} (line ${error.line}${column})`;
}
