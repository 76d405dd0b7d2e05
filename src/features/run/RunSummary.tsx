import { formatDuration } from "../../model/timeFormat";
import { selectSummary, useAppStore, useShallow } from "../../store";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/** Totals of the current run; its data attributes are a public contract (DESIGN.md §5). */
export function RunSummary() {
  const summary = useAppStore(useShallow(selectSummary));
  if (summary === undefined) {
    return (
      <div className="run-summary run-summary--empty" data-testid="run-summary">
        No run yet
      </div>
    );
  }
  return (
    <div
      className="run-summary"
      data-testid="run-summary"
      data-virtual-time={String(summary.virtualTimeS)}
      data-tasks={String(summary.tasks)}
      data-steps={String(summary.steps)}
    >
      {formatDuration(summary.virtualTimeS)} virtual · {plural(summary.tasks, "task")} · {plural(summary.steps, "step")}
    </div>
  );
}
