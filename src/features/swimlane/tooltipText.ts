/** The hover tooltip's text for one segment: plain lines, rendered as text (never HTML). */
import { formatDuration, formatVirtualTime } from "../../model/timeFormat";
import { waitKindName } from "../../model/waitKind";
import type { WaitKind } from "../../protocol/trace";
import { segmentLabel } from "./segmentLabel";
import type { SwimlaneWords } from "./words";

export interface TooltipSpan {
  readonly state: string;
  readonly start: number;
  readonly end: number;
  readonly startStep: number;
  readonly endStep: number;
  readonly waitKind?: WaitKind;
  readonly target?: number;
  readonly sleepFor?: number;
  readonly line?: number;
  /** The segment is the lane's last and the lane has not ended: it goes on (no "cancelled after"). */
  readonly live?: boolean;
}

/** Who the row belongs to: a task lane (name and coroutine) or the event loop. */
export interface TooltipOwner {
  readonly name: string;
  readonly coro?: string;
  /** Source line where the task was created (0 = unknown). */
  readonly createdLine?: number;
}

/**
 * `merged` > 1: the rect stands for that many sub-pixel segments (level of detail); the text then
 * describes the longest one and says so. Python's own words (sleep, await, Semaphore, task names)
 * stay as they are in every language.
 */
export function tooltipText(
  owner: TooltipOwner,
  span: TooltipSpan,
  nameOf: (id: number) => string | undefined,
  words: SwimlaneWords,
  merged = 1,
): string {
  const { t } = words;
  const lines = [owner.coro === undefined ? owner.name : `${owner.name} (${owner.coro})`];
  if (merged > 1) lines.push(t("swimlane.tip.merged", { n: merged }));
  // A blocked segment's painted word ("blocking") only restates the state's name.
  // (A sleep cut short says so: "sleep 10 s (cancelled after 1 s)", see segmentLabel.)
  const label = span.state === "blocked" ? "" : segmentLabel({ ...span, live: span.live ?? false }, nameOf, words);
  const state = words.state(span.state);
  lines.push(label === "" ? state : `${state}: ${label}`);
  lines.push(t("swimlane.tip.span", { start: formatVirtualTime(span.start), duration: formatDuration(span.end - span.start) }));
  const steps = span.endStep - span.startStep;
  lines.push(steps === 0 ? t("swimlane.tip.atStep", { step: span.startStep }) : t("swimlane.tip.steps", { from: span.startStep, to: span.endStep, n: steps }));
  if (span.waitKind !== undefined) {
    const target = span.target === undefined ? undefined : (nameOf(span.target) ?? `#${span.target}`);
    lines.push(t("swimlane.tip.waitsOn", { what: `${waitKindName(span.waitKind)}${target === undefined ? "" : ` ${target}`}` }));
  }
  if (span.line !== undefined && span.line > 0) lines.push(t("swimlane.tip.pausedAt", { line: String(span.line) }));
  if (owner.createdLine !== undefined && owner.createdLine > 0) lines.push(t("swimlane.tip.createdAt", { line: String(owner.createdLine) }));
  return lines.join("\n");
}
