/**
 * The short text painted inside a segment and shown in its tooltip ("sleep 1 s", "await Task-3"),
 * and how it shrinks when the segment is narrow: by meaning, one whole word or quantity at a time
 * ("sleep 500 ms" → "sleep" → nothing), never cut inside a word, a number or a unit.
 */
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
 * What a segment can say about itself, longest first; every entry is a complete phrase, and the
 * list is empty when its colour says it all (ready, running, ends, idle). `nameOf` turns a task id
 * into its lane name for "await Task-3".
 */
export function segmentLabelChoices(span: LabelledSpan, nameOf: (id: number) => string | undefined): readonly string[] {
  if (span.state === "blocked") return ["blocking"];
  if (span.state !== "waiting") return [];
  switch (span.waitKind) {
    case undefined:
    case WaitKind.unknown:
      return ["waiting"];
    case WaitKind.sleep:
      // The verb says more than the duration (the width already shows how long).
      return [`sleep ${formatDuration(span.end - span.start)}`, "sleep"];
    case WaitKind.task:
    case WaitKind.thread: {
      const name = span.target === undefined ? undefined : nameOf(span.target);
      const kind = waitKindName(span.waitKind);
      // Which task is the fact; "await" is what the colour already suggests.
      return name === undefined ? [`await ${kind}`, kind] : [`await ${name}`, name];
    }
    default:
      return [waitKindName(span.waitKind)];
  }
}

/** The full label (tooltips), or "" when there is none. */
export function segmentLabel(span: LabelledSpan, nameOf: (id: number) => string | undefined): string {
  return segmentLabelChoices(span, nameOf)[0] ?? "";
}

/** The first choice whose measured width fits in `roomPx`, or "" when none does. */
export function fitLabel(choices: readonly string[], roomPx: number, measurePx: (text: string) => number): string {
  for (const choice of choices) if (measurePx(choice) <= roomPx) return choice;
  return "";
}
