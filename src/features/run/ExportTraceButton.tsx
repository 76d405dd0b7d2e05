import { toChromeTrace } from "../../model/chromeTrace";
import { selectHasTrace, useAppStore, useAppStoreApi } from "../../store";
import { useT } from "../i18n";
import { downloadFile } from "./downloadFile";

export const TRACE_FILE_NAME = "taskline-trace.json";

/** Downloads the current trace in the Chrome Trace Event Format (opens in Perfetto). */
export function ExportTraceButton() {
  const store = useAppStoreApi();
  const hasTrace = useAppStore(selectHasTrace);
  const t = useT();
  const handleClick = () => {
    const { trace } = store.getState();
    downloadFile(TRACE_FILE_NAME, JSON.stringify(toChromeTrace(trace.lanes(), trace.consoleLines())), "application/json");
  };
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="export-trace"
      disabled={!hasTrace}
      title={hasTrace ? t("export.title") : t("export.needsRun")}
      onClick={handleClick}
    >
      {t("export.label")}
    </button>
  );
}
