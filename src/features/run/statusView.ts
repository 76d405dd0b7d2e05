/**
 * What the status line says: the public `data-state` / `data-reason` (DESIGN.md §5) and a plain
 * sentence. Before the first run it describes the runtime; after that, how the last run ended.
 */
import { formatVirtualTime } from "../../model/timeFormat";
import type { ProgramError, RunTotals } from "../../protocol/messages";
import type { RunStatus, RuntimeStatus } from "../../store";

export type StatusState = "booting" | "ready" | "running" | "done" | "error" | "stopped" | "crashed";

export interface StatusView {
  readonly state: StatusState;
  /** Only for `stopped` and `crashed`. */
  readonly reason: string | undefined;
  readonly text: string;
}

export function describeStatus(runtime: RuntimeStatus, runStatus: RunStatus, totals: RunTotals | undefined): StatusView {
  switch (runStatus.kind) {
    case "idle":
      return describeRuntime(runtime);
    case "running":
      return { state: "running", reason: undefined, text: "Running…" };
    case "done":
      return { state: "done", reason: undefined, text: `Finished at ${formatVirtualTime(totals?.virtualTimeS ?? 0)}` };
    case "error":
      return { state: "error", reason: undefined, text: `Error: ${describeProgramError(runStatus.error)}` };
    case "stopped":
      return {
        state: "stopped",
        reason: runStatus.reason,
        text: runStatus.message === "" ? `Stopped (${runStatus.reason})` : `Stopped: ${runStatus.message}`,
      };
    case "crashed":
      return {
        state: "crashed",
        reason: runStatus.reason,
        text: `Crashed: ${runStatus.message || "the Python worker stopped unexpectedly"}. It restarts by itself.`,
      };
  }
}

function describeRuntime(runtime: RuntimeStatus): StatusView {
  switch (runtime.kind) {
    case "booting":
      return { state: "booting", reason: undefined, text: `Loading Python runtime… ${Math.round(runtime.fraction * 100)}%` };
    case "ready":
      return { state: "ready", reason: undefined, text: "Ready" };
    case "bootFailed":
      return { state: "crashed", reason: "fatal", text: `The Python runtime failed to load: ${runtime.message}` };
  }
}

/** "ValueError: boom (line 4)", "SyntaxError: invalid syntax (line 3, column 5)". */
export function describeProgramError(error: ProgramError): string {
  const head = error.message === "" ? error.excType : `${error.excType}: ${error.message}`;
  if (error.line === undefined || error.line <= 0) return head;
  const column = error.column !== undefined && error.column > 0 ? `, column ${error.column}` : "";
  return `${head} (line ${error.line}${column})`;
}
