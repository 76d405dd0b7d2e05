/**
 * "If these waits ran one after another": the run's work and simulated I/O added up, to compare
 * with how long the run took concurrently. Waiting on other tasks, gathers and locks is left out:
 * that is coordination, not work.
 */
import { WaitKind } from "../protocol/trace";
import type { Lane } from "./types";

/** Seconds the run's steps, blocking calls, sleeps and thread work take when done one at a time. */
export function sequentialSeconds(lanes: readonly Lane[]): number {
  let total = 0;
  for (const lane of lanes) {
    if (lane.kind === "generator") continue; // runs inside its driver's steps, which count already
    for (const segment of lane.segments) {
      const length = segment.end - segment.start;
      const isWork = segment.state === "running" || segment.state === "blocked";
      const isSimulatedIo = segment.state === "waiting" && (segment.waitKind === WaitKind.sleep || lane.kind === "thread");
      if (isWork || isSimulatedIo) total += length;
    }
  }
  return total;
}

/**
 * How the run ended, as far as the comparison cares: only a run that finished by itself (`done`)
 * did all its work; a deadlocked, failed or stopped run (a loop cut off by a limit) did not, so
 * "N× faster" would compare nothing meaningful.
 */
export type RunEndForGain = "done" | "not done";

/** How much concurrency saved, or undefined when it saved (almost) nothing worth saying or the run did not finish. */
export function concurrencyGain(
  lanes: readonly Lane[] | { readonly sequentialSeconds: () => number },
  runSeconds: number,
  runEnd: RunEndForGain,
): { readonly sequentialS: number; readonly factor: number } | undefined {
  if (runEnd !== "done") return undefined;
  // A trace store keeps this sum as it folds rows; a plain list of lanes is summed here.
  const sequentialS = "sequentialSeconds" in lanes ? lanes.sequentialSeconds() : sequentialSeconds(lanes);
  if (runSeconds <= 0 || sequentialS < runSeconds * 1.05) return undefined;
  return { sequentialS, factor: sequentialS / runSeconds };
}
