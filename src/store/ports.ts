/**
 * What the store needs from the outside world, injected by `app/` (slices never import `runner/`).
 */
import type { RunId, RunOptions } from "../protocol/messages";

export interface RunnerPort {
  /** Starts a run in the current worker; any earlier run's messages become stale. */
  run(runId: RunId, source: string, options: RunOptions): void;
  /**
   * Stops whatever runs at once: terminates the worker and boots a fresh one. The store marks the
   * run `stopped` / `user` itself; the new worker reports `progress` and `ready` as at page open.
   */
  stop(): void;
}
