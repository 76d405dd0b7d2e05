import { concurrencyGain, type RunEndForGain } from "../../model/savings";
import { formatDuration } from "../../model/timeFormat";
import { selectRunStatus, selectSummary, selectTrace, useAppStore, useShallow } from "../../store";
import { useT, type MessageKey } from "../i18n";
import { incompleteBecause } from "./statusView";
import { summaryCounts } from "./summaryCounts";

/** Totals of the current run; its data attributes are a public contract (DESIGN.md §5). */
export function RunSummary() {
  const summary = useAppStore(useShallow(selectSummary));
  const trace = useAppStore(selectTrace);
  const runStatus = useAppStore(selectRunStatus);
  const incomplete = incompleteBecause(runStatus);
  const t = useT();
  if (summary === undefined) {
    return (
      <div className="run-summary run-summary--empty" data-testid="run-summary">
        {t("summary.none")}
      </div>
    );
  }
  const counts = summaryCounts(summary, trace, trace.stepCount);
  const tasks = t(counts.tasks === 1 ? "summary.task.one" : "summary.task.many", { n: counts.tasks });
  const generators = t(counts.generators === 1 ? "summary.generator.one" : "summary.generator.many", { n: counts.generators });
  const what = counts.generators === 0 ? tasks : counts.showTasks ? `${tasks} · ${generators}` : generators;
  return (
    <div
      className="run-summary"
      data-testid="run-summary"
      data-virtual-time={String(summary.virtualTimeS)}
      data-tasks={String(counts.tasks)}
      data-generators={String(counts.generators)}
      data-steps={String(counts.steps)}
    >
      {t("summary.text", {
        time: formatDuration(summary.virtualTimeS),
        tasks: what,
        steps: t(counts.steps === 1 ? "summary.step.one" : "summary.step.many", { n: counts.steps }),
      })}
      <ConcurrencyGain lanes={trace} runSeconds={summary.virtualTimeS} runEnd={runStatus.kind === "done" ? "done" : "not done"} />
      {incomplete !== undefined && (
        <span className="run-summary__incomplete" data-testid="trace-incomplete" data-reason={incomplete} title={t("summary.incomplete.title")}>
          {" · "}
          {t("summary.incomplete", { why: t(`summary.incomplete.${incomplete}` satisfies MessageKey) })}
        </span>
      )}
    </div>
  );
}

/** "One after another these waits would take 6 s; concurrently: 3 s (2× faster)"; only after a run that finished by itself. */
function ConcurrencyGain({ lanes, runSeconds, runEnd }: { readonly lanes: Parameters<typeof concurrencyGain>[0]; readonly runSeconds: number; readonly runEnd: RunEndForGain }) {
  const t = useT();
  const gain = concurrencyGain(lanes, runSeconds, runEnd);
  if (gain === undefined) return null;
  return (
    <span className="run-summary__gain" data-testid="concurrency-gain">
      {" · "}
      {t("summary.gain", {
        sequential: formatDuration(gain.sequentialS),
        actual: formatDuration(runSeconds),
        factor: gain.factor.toFixed(1),
      })}
    </span>
  );
}
