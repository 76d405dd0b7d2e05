/** The short text painted inside a segment and shown in its tooltip ("sleep 1 s", "await Task-3"). */
import { WaitKind } from "../../protocol/trace";
import { formatDuration } from "../../model/timeFormat";
import { waitKindName } from "../../model/waitKind";

/** The label-relevant part of a segment or loop span. */
export interface LabelledSpan {
  readonly state: string;
  readonly start: number;
  readonly end: number;
  readonly waitKind?: WaitKind;
  readonly target?: number;
}

/**
 * What a segment says about itself, or "" when its colour says it all (ready, running, ends, idle).
 * `nameOf` turns a task id into its lane name for "await Task-3".
 */
export function segmentLabel(span: LabelledSpan, nameOf: (id: number) => string | undefined): string {
  if (span.state === "blocked") return "blocking";
  if (span.state !== "waiting") return "";
  switch (span.waitKind) {
    case undefined:
    case WaitKind.unknown:
      return "waiting";
    case WaitKind.sleep:
      return `sleep ${formatDuration(span.end - span.start)}`;
    case WaitKind.task:
    case WaitKind.thread: {
      const name = span.target === undefined ? undefined : nameOf(span.target);
      return name === undefined ? `await ${waitKindName(span.waitKind)}` : `await ${name}`;
    }
    default:
      return waitKindName(span.waitKind);
  }
}
