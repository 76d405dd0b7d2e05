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

/** How much concurrency saved, or undefined when it saved (almost) nothing worth saying. */
export function concurrencyGain(
  lanes: readonly Lane[] | { readonly sequentialSeconds: () => number },
  runSeconds: number,
): { readonly sequentialS: number; readonly factor: number } | undefined {
  // A trace store keeps this sum as it folds rows; a plain list of lanes is summed here.
  const sequentialS = "sequentialSeconds" in lanes ? lanes.sequentialSeconds() : sequentialSeconds(lanes);
  if (runSeconds <= 0 || sequentialS < runSeconds * 1.05) return undefined;
  return { sequentialS, factor: sequentialS / runSeconds };
}
