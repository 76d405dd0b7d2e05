import { useCallback, useRef } from "react";
import type { ConsoleLine } from "../../model/types";
import { selectConsoleLines, selectCurrentRunId, selectCursorVt, selectRunStatus, useAppStore, useAppStoreApi } from "../../store";
import { useT } from "../i18n";
import { stopMessage } from "../run";
import { ConsoleErrorBlock } from "./ConsoleErrorBlock";
import { ConsoleLineRow } from "./ConsoleLineRow";
import { tailWindow } from "./tailWindow";
import { useStickToBottom } from "./useStickToBottom";

/** The program's output, line by line, followed by how the run ended if it did not finish cleanly. */
export function ConsolePanel() {
  const lines = useAppStore(selectConsoleLines);
  const runStatus = useAppStore(selectRunStatus);
  const runId = useAppStore(selectCurrentRunId);
  const scroller = useRef<HTMLDivElement>(null);
  const handleScroll = useStickToBottom(scroller, `${runId ?? 0}:${runStatus.kind}`, lines);
  const { hiddenCount, shown } = tailWindow(lines);
  const t = useT();
  const cursor = useAppStore(selectCursorVt);
  const store = useAppStoreApi();
  const handleSelect = useCallback(
    (line: ConsoleLine) => {
      const state = store.getState();
      state.setCursor(line.vt);
      const lane = state.trace.lanes().find((candidate) => candidate.name === line.task);
      if (lane !== undefined) state.selectTask(lane.id);
    },
    [store],
  );

  return (
    <div ref={scroller} className="console" onScroll={handleScroll} aria-label={t("console.aria")} tabIndex={0}>
      {hiddenCount > 0 && (
        <div className="console__note">
          {t(hiddenCount === 1 ? "console.hidden.one" : "console.hidden.many", { n: hiddenCount })}
        </div>
      )}
      {shown.map((line, i) => (
        <ConsoleLineRow key={hiddenCount + i} line={line} isFuture={line.vt > cursor} onSelect={handleSelect} />
      ))}
      {runStatus.kind === "error" && <ConsoleErrorBlock error={runStatus.error} />}
      {(runStatus.kind === "stopped" || runStatus.kind === "crashed") && (
        <div className="console__note console__note--end">
          {t(runStatus.kind === "stopped" ? "console.stopped" : "console.crashed")}: {runStatus.kind === "stopped" ? stopMessage(runStatus, t) : runStatus.message}
        </div>
      )}
      {lines.length === 0 && runStatus.kind === "idle" && <div className="console__placeholder">{t("console.placeholder")}</div>}
    </div>
  );
}
