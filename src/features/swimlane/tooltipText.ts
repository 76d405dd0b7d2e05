/** The hover tooltip's text for one segment: plain lines, rendered as text (never HTML). */
import { formatDuration, formatVirtualTime } from "../../model/timeFormat";
import { waitKindName } from "../../model/waitKind";
import type { WaitKind } from "../../protocol/trace";
import { segmentLabel } from "./segmentLabel";

export interface TooltipSpan {
  readonly state: string;
  readonly start: number;
  readonly end: number;
  readonly startStep: number;
  readonly endStep: number;
  readonly waitKind?: WaitKind;
  readonly target?: number;
  readonly line?: number;
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
 * describes the longest one and says so.
 */
export function tooltipText(owner: TooltipOwner, span: TooltipSpan, nameOf: (id: number) => string | undefined, merged = 1): string {
  const lines = [owner.coro === undefined ? owner.name : `${owner.name} (${owner.coro})`];
  if (merged > 1) lines.push(`${merged} segments too small to draw apart (zoom in); the longest:`);
  const label = segmentLabel(span, nameOf);
  lines.push(label === "" ? span.state : `${span.state}: ${label}`);
  lines.push(`start ${formatVirtualTime(span.start)}, duration ${formatDuration(span.end - span.start)}`);
  const steps = span.endStep - span.startStep;
  lines.push(steps === 0 ? `at step ${span.startStep}` : `steps ${span.startStep}–${span.endStep} (${steps})`);
  if (span.waitKind !== undefined) {
    const target = span.target === undefined ? undefined : (nameOf(span.target) ?? `#${span.target}`);
    lines.push(`waits on: ${waitKindName(span.waitKind)}${target === undefined ? "" : ` ${target}`}`);
  }
  if (span.line !== undefined && span.line > 0) lines.push(`paused at line ${span.line}`);
  if (owner.createdLine !== undefined && owner.createdLine > 0) lines.push(`created at line ${owner.createdLine}`);
  return lines.join("\n");
}
