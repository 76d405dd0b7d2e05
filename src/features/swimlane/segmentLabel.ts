/**
 * The short text painted inside a segment and shown in its tooltip ("sleep 1 s", "await Task-3"),
 * and how it shrinks when the segment is narrow: by meaning, one whole word or quantity at a time
 * ("sleep 500 ms" → "sleep" → nothing), never cut inside a word, a number or a unit. Python's own
 * words (sleep, await, Semaphore, task names) stay as written; the UI's ("blocking", "waiting")
 * come from the messages in the page's language.
 */
import { WaitKind } from "../../protocol/trace";
import { formatDuration } from "../../model/timeFormat";
import { waitKindName } from "../../model/waitKind";
import type { Translate } from "../i18n";

/** The UI's own label words in the page's language; English when none is given. */
export type LabelWords = { readonly t: Translate };

/** The label-relevant part of a segment or loop span. */
export interface LabelledSpan {
  readonly state: string;
  readonly start: number;
  readonly end: number;
  readonly waitKind?: WaitKind;
  readonly target?: number;
  /** For a sleep: the seconds it asked for (a cancelled sleep ends sooner). */
  readonly sleepFor?: number;
  /**
   * false: the segment has ended (a sleep shorter than asked was cut short and may say so); true:
   * it is a living lane's last, still going; undefined: not known, so nothing is claimed.
   */
  readonly live?: boolean;
}

/**
 * What a segment can say about itself, longest first; every entry is a complete phrase, and the
 * list is empty when its colour says it all (ready, running, ends, idle). `nameOf` turns a task id
 * into its lane name for "await Task-3".
 */
export function segmentLabelChoices(span: LabelledSpan, nameOf: (id: number) => string | undefined, words?: LabelWords): readonly string[] {
  if (span.state === "blocked") return [words === undefined ? "blocking" : words.t("swimlane.label.blocking")];
  if (span.state !== "waiting") return [];
  switch (span.waitKind) {
    case undefined:
    case WaitKind.unknown:
      return [words === undefined ? "waiting" : words.t("state.waiting")];
    case WaitKind.sleep: {
      // What the program asked for (`sleep(10)` cancelled at 1 s is still "sleep 10 s"), and when
      // there is room that it was cut short; the verb says more than the duration (the width
      // already shows how long).
      const asked = `sleep ${formatDuration(span.sleepFor ?? span.end - span.start)}`;
      const cut = words === undefined || span.live !== false ? undefined : cutShortAfter(span);
      return cut === undefined ? [asked, "sleep"] : [words!.t("swimlane.tip.sleepCut", { label: asked, lasted: formatDuration(cut) }), asked, "sleep"];
    }
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
export function segmentLabel(span: LabelledSpan, nameOf: (id: number) => string | undefined, words?: LabelWords): string {
  return segmentLabelChoices(span, nameOf, words)[0] ?? "";
}

/**
 * A sleep that ended sooner than it asked for was cancelled (directly or by a timeout): how long it
 * really lasted, or undefined when it ran its course (or its length was not recorded). Tolerates the
 * realistic clock's few µs of difference.
 */
export function cutShortAfter(span: LabelledSpan): number | undefined {
  if (span.state !== "waiting" || span.waitKind !== WaitKind.sleep || span.sleepFor === undefined) return undefined;
  const lasted = span.end - span.start;
  return lasted < span.sleepFor - Math.max(1e-3, span.sleepFor * 1e-3) ? lasted : undefined;
}

/** The first choice whose measured width fits in `roomPx`, or "" when none does. */
export function fitLabel(choices: readonly string[], roomPx: number, measurePx: (text: string) => number): string {
  for (const choice of choices) if (measurePx(choice) <= roomPx) return choice;
  return "";
}
