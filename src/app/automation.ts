/** The one thing Taskline promises on `window` (DESIGN.md §5), for browser automation. */
import type { AppStore } from "../store";

export interface TasklineAutomation {
  /** The editor's current text, including edits not yet debounced into the store. */
  getSource(): string;
  /**
   * What the current run's trace holds in the page: bytes (`TraceStore.byteSize`), steps, and
   * bytes per step (issue #8's budget; read by scripts/bench-render.mjs). Additive: not a §5 contract.
   */
  traceBytes(): { readonly bytes: number; readonly steps: number; readonly bytesPerStep: number };
}

declare global {
  interface Window {
    taskline?: TasklineAutomation;
  }
}

export function installAutomation(store: AppStore): void {
  window.taskline = {
    getSource: () => store.getState().currentSource(),
    traceBytes: () => {
      const trace = store.getState().trace;
      return { bytes: trace.byteSize(), steps: trace.stepCount, bytesPerStep: trace.bytesPerStep() };
    },
  };
}
