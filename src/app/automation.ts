/** The one thing Taskline promises on `window` (DESIGN.md §5), for browser automation. */
import type { AppStore } from "../store";

export interface TasklineAutomation {
  /** The editor's current text, including edits not yet debounced into the store. */
  getSource(): string;
}

declare global {
  interface Window {
    taskline?: TasklineAutomation;
  }
}

export function installAutomation(store: AppStore): void {
  window.taskline = { getSource: () => store.getState().currentSource() };
}
