/**
 * The swimlane's texts in the chosen language: `t` for its messages, `state` for state names
 * (the task states from i18n, plus the loop's "idle"). Pure, so tooltips are testable in both.
 */
import { stateLabel, translator, type Translate } from "../i18n";
import type { Locale } from "../../store";

export interface SwimlaneWords {
  readonly t: Translate;
  /** A state's display name ("waiting" → "等待中"); unknown names come back unchanged. */
  readonly state: (state: string) => string;
}

const cache = new Map<Locale, SwimlaneWords>();

export function swimlaneWords(locale: Locale): SwimlaneWords {
  let words = cache.get(locale);
  if (words === undefined) {
    const t = translator(locale);
    words = { t, state: (state) => (state === "idle" ? t("swimlane.state.idle") : stateLabel(locale, state)) };
    cache.set(locale, words);
  }
  return words;
}
