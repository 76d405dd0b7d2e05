/**
 * Task state names in the chosen language, for the swimlane's legend and tooltips to adopt
 * (`useStateLabel()(state)`); the `data-*` values stay the English state names.
 */
import { selectLocale, useAppStore, type Locale } from "../../store";
import type { MessageKey } from "./messages";
import { translate } from "./translate";

const STATE_KEYS: Readonly<Record<string, MessageKey>> = {
  ready: "state.ready",
  running: "state.running",
  waiting: "state.waiting",
  blocked: "state.blocked",
  "blocked-loop": "state.blocked",
  done: "state.done",
  failed: "state.failed",
  cancelled: "state.cancelled",
  pending: "state.pending",
};

/** A task state's label; unknown states come back unchanged. */
export function stateLabel(locale: Locale, state: string): string {
  const key = STATE_KEYS[state];
  return key === undefined ? state : translate(locale, key);
}

export function useStateLabel(): (state: string) => string {
  const locale = useAppStore(selectLocale);
  return (state) => stateLabel(locale, state);
}
