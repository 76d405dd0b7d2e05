/** A RunnerPort for tests: records what the store asked for, runs nothing. */
import type { RunId, RunOptions } from "../protocol/messages";
import type { RunnerPort } from "./ports";

export class FakeRunner implements RunnerPort {
  readonly runs: { runId: RunId; source: string; options: RunOptions }[] = [];
  stops = 0;
  run(id: RunId, source: string, options: RunOptions): void {
    this.runs.push({ runId: id, source, options });
  }
  stop(): void {
    this.stops++;
  }
}
