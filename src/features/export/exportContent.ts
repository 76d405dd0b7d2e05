/**
 * What each export contains, built from the store's state at the moment of exporting and the
 * reader's language: the Chrome trace JSON, the swimlane SVG and the run as text.
 */
import { toChromeTrace } from "../../model/chromeTrace";
import { pstreeAt } from "../../model/pstree";
import { concurrencyGain } from "../../model/savings";
import { formatDuration, formatVirtualTime } from "../../model/timeFormat";
import { loopActivity } from "../../model/traceStore";
import { selectCursorVt, selectSummary, type AppState } from "../../store";
import { stateLabel, type Translate } from "../i18n";
import { LEGEND_STATES, paletteFor, segmentLabel, type Theme } from "../swimlane";
import { runReportText } from "./runReport";
import { swimlaneSvg, type SwimlaneSvg } from "./swimlaneSvg";

export const TRACE_FILE_NAME = "taskline-trace.json";
export const SVG_FILE_NAME = "taskline-swimlane.svg";
export const PNG_FILE_NAME = "taskline-swimlane.png";
export const TEXT_FILE_NAME = "taskline-run.txt";

export function chromeTraceJson(state: AppState): string {
  return JSON.stringify(toChromeTrace(state.trace.lanes(), state.trace.consoleLines()));
}

export function swimlaneSvgOf(state: AppState, theme: Theme, t: Translate): SwimlaneSvg {
  const { trace, locale } = state;
  const names = new Map(trace.lanes().map((lane) => [lane.id as number, lane.name]));
  return swimlaneSvg({
    lanes: trace.lanes(),
    loop: loopActivity(trace),
    endTime: trace.endTime,
    stepCount: trace.stepCount,
    axis: state.axis,
    palette: paletteFor(theme),
    segmentText: (segment) => segmentLabel(segment, (id) => names.get(id), { t }),
    text: {
      title: t("export.runTitle"),
      subtitle: summaryText(state, t),
      loopLane: t("export.loopLane"),
      axisLabel: t(state.axis === "time" ? "export.axisTime" : "export.axisSteps"),
      moreLanes: (n) => t("export.moreTasks", { n }),
      legend: LEGEND_STATES.map((state) => ({ state, label: state === "idle" ? t("export.loopIdle") : stateLabel(locale, state) })),
    },
  });
}

/** The run summary as the page shows it: totals, and the concurrency gain once the run ended. */
export function summaryText(state: AppState, t: Translate): string {
  const summary = selectSummary(state);
  if (summary === undefined) return t("summary.none");
  const totals = t("summary.text", {
    time: formatDuration(summary.virtualTimeS),
    tasks: t(summary.tasks === 1 ? "summary.task.one" : "summary.task.many", { n: summary.tasks }),
    steps: t(summary.steps === 1 ? "summary.step.one" : "summary.step.many", { n: summary.steps }),
  });
  const gain = concurrencyGain(state.trace.lanes(), summary.virtualTimeS, state.runStatus.kind === "done" ? "done" : "not done");
  if (gain === undefined) return totals;
  return `${totals} · ${t("summary.gain", { sequential: formatDuration(gain.sequentialS), actual: formatDuration(summary.virtualTimeS), factor: gain.factor.toFixed(1) })}`;
}

export function runReportOf(state: AppState, t: Translate): string {
  const lanes = state.trace.lanes();
  const cursor = selectCursorVt(state);
  return runReportText({
    title: t("export.runTitle"),
    summary: summaryText(state, t),
    treeHeading: t("export.treeAt", { t: formatVirtualTime(cursor) }),
    tree: pstreeAt(lanes, cursor),
    tasksHeading: t("export.tasks"),
    lanes,
    stateName: (s) => stateLabel(state.locale, s),
    moreTasks: (n) => t("export.moreTasks", { n }),
  });
}
