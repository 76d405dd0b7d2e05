/**
 * What the run summary counts. The worker's totals count asyncio tasks and event-loop steps; a
 * plain script driving a generator by hand has neither, yet its lanes and steps are drawn (one
 * step per run row). So generators are counted too, and a run without loop steps shows the steps
 * the trace drew. Pure.
 */
import type { RunTotals } from "../../protocol/messages";
import { isMainProgramLane, type Lane } from "../../model/types";

export interface SummaryCounts {
  readonly tasks: number;
  /** Generators driven by hand (their lanes; the main program's lane is not one). */
  readonly generators: number;
  readonly steps: number;
  /** Say "N tasks": always, unless the run had no tasks but generators. */
  readonly showTasks: boolean;
}

/** `lanes`: the lanes, or a trace store that keeps the count (O(1) per render instead of a pass over 10,000 lanes). */
export function summaryCounts(
  totals: RunTotals,
  lanes: readonly Pick<Lane, "kind" | "coro">[] | { readonly generatorLaneCount: number },
  drawnSteps: number,
): SummaryCounts {
  let generators = 0;
  if ("generatorLaneCount" in lanes) generators = lanes.generatorLaneCount;
  else for (const lane of lanes) if (lane.kind === "generator" && !isMainProgramLane(lane)) generators++;
  return {
    tasks: totals.tasks,
    generators,
    steps: totals.steps > 0 ? totals.steps : drawnSteps,
    showTasks: totals.tasks > 0 || generators === 0,
  };
}
