/**
 * What the status line says: the public `data-state` / `data-reason` (DESIGN.md §5) and a plain
 * sentence. Before the first run it describes the runtime; after that, how the last run ended.
 */
import { formatVirtualTime } from "../../model/timeFormat";
import type { ProgramError, RunTotals, StopReason } from "../../protocol/messages";
import type { RunStatus, RuntimeStatus } from "../../store";
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
        text: runStatus.message === "" && runStatus.byPage === undefined ? t("status.stoppedBare", { reason: runStatus.reason }) : t("status.stopped", { message: stopMessage(runStatus, t) }),
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
 * Why a run stopped, in the page's language when the page stopped it (Stop pressed, the real-time
 * limit: worded from the run's structured `byPage` and `rung`); the worker's own reasons (limits,
 * deadlock) stay in its English words.
 */
export function stopMessage(runStatus: Extract<RunStatus, { kind: "stopped" }>, t: Translate = ENGLISH): string {
  const { byPage, rung } = runStatus;
  if (byPage === undefined) return runStatus.message;
  const head = byPage.kind === "user" ? t("status.userStop") : t("status.wallClock", { seconds: byPage.limitS.toLocaleString("en") });
  if (rung === undefined) return head;
  return t("status.stopAndRung", { stop: head, rung: t(rung === "interrupt" ? "status.rung.interrupt" : "status.rung.terminate") });
}

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
