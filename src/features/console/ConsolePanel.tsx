import { useRef } from "react";
import { selectConsoleLines, selectCurrentRunId, selectRunStatus, useAppStore } from "../../store";
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
  const handleScroll = useStickToBottom(scroller, `${runId ?? 0}:${runStatus.kind}`);
  const { hiddenCount, shown } = tailWindow(lines);

  return (
    <div ref={scroller} className="console" onScroll={handleScroll} aria-label="Program output" tabIndex={0}>
      {hiddenCount > 0 && (
        <div className="console__note">
          {hiddenCount.toLocaleString("en")} earlier line{hiddenCount === 1 ? "" : "s"} not shown
        </div>
      )}
      {shown.map((line, i) => (
        <ConsoleLineRow key={hiddenCount + i} line={line} />
      ))}
      {runStatus.kind === "error" && <ConsoleErrorBlock error={runStatus.error} />}
      {(runStatus.kind === "stopped" || runStatus.kind === "crashed") && (
        <div className="console__note console__note--end">
          {runStatus.kind === "stopped" ? "Stopped" : "Crashed"}: {runStatus.message}
        </div>
      )}
      {lines.length === 0 && runStatus.kind === "idle" && <div className="console__placeholder">Output appears here when you run the program.</div>}
    </div>
  );
}
