import { formatDuration } from "../../model/timeFormat";
import { selectSummary, useAppStore, useShallow } from "../../store";
import { useT } from "../i18n";


/** Totals of the current run; its data attributes are a public contract (DESIGN.md §5). */
export function RunSummary() {
  const summary = useAppStore(useShallow(selectSummary));
  const t = useT();
  if (summary === undefined) {
    return (
      <div className="run-summary run-summary--empty" data-testid="run-summary">
        {t("summary.none")}
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
      {t("summary.text", {
        time: formatDuration(summary.virtualTimeS),
        tasks: t(summary.tasks === 1 ? "summary.task.one" : "summary.task.many", { n: summary.tasks }),
        steps: t(summary.steps === 1 ? "summary.step.one" : "summary.step.many", { n: summary.steps }),
      })}
    </div>
  );
}
