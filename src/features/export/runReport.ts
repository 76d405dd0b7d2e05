/**
 * The run as plain text, for a .txt download or the clipboard: the summary line, the await tree
 * at the cursor (as the "At the cursor" panel shows it) and one line per task with how it ended.
 * Pure; the caller passes texts already in the reader's language.
 */
import { formatVirtualTime } from "../../model/timeFormat";
import type { Lane } from "../../model/types";

export interface RunReportInput {
  /** "Taskline run", in the reader's language. */
  readonly title: string;
  /** The run summary as the page shows it. */
  readonly summary: string;
  /** "Await tree at t = 1.5 s". */
  readonly treeHeading: string;
  /** The await tree text (`pstreeAt`). */
  readonly tree: string;
  /** "Tasks". */
  readonly tasksHeading: string;
  readonly lanes: readonly Lane[];
  /** A task's final state in the reader's language. */
  readonly stateName: (state: Lane["finalState"]) => string;
  /** Most task lines listed; the rest are counted. */
  readonly maxTasks?: number;
  readonly moreTasks: (n: number) => string;
}

const DEFAULT_MAX_TASKS = 1000;
/** Results and messages longer than this are cut, so one huge repr() cannot swamp the file. */
const MAX_DETAIL_CHARS = 200;

const cut = (text: string) => (text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text);

/** One task: "name  done  t = 0.0 s → t = 1.0 s  = 42" (or "ValueError: bad"). */
export function taskLine(lane: Lane, stateName: (state: Lane["finalState"]) => string): string {
  const last = lane.segments[lane.segments.length - 1];
  const span = lane.finalState === "pending" || last === undefined ? formatVirtualTime(lane.createdAt) : `${formatVirtualTime(lane.createdAt)} → ${formatVirtualTime(last.end)}`;
  const kind = lane.kind === "thread" ? " (thread)" : "";
  let outcome = "";
  if (lane.end?.result !== undefined) outcome = `  = ${cut(lane.end.result)}`;
  else if (lane.end?.excType !== undefined) outcome = `  ${cut(lane.end.excType)}${lane.end.excMessage ? `: ${cut(lane.end.excMessage)}` : ""}`;
  return `${lane.name}${kind}  ${stateName(lane.finalState)}  ${span}${outcome}`;
}

export function runReportText(input: RunReportInput): string {
  const max = input.maxTasks ?? DEFAULT_MAX_TASKS;
  const shown = input.lanes.slice(0, max);
  const lines = [
    input.title,
    "=".repeat(Math.max(4, input.title.length)),
    "",
    input.summary,
    "",
    input.treeHeading,
    "-".repeat(Math.max(4, input.treeHeading.length)),
    input.tree,
    "",
    input.tasksHeading,
    "-".repeat(Math.max(4, input.tasksHeading.length)),
    ...shown.map((lane) => taskLine(lane, input.stateName)),
  ];
  if (input.lanes.length > shown.length) lines.push(input.moreTasks(input.lanes.length - shown.length));
  return `${lines.join("\n")}\n`;
}
