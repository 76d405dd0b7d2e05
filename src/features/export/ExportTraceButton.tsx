import { selectHasTrace, useAppStore, useAppStoreApi } from "../../store";
import { useT } from "../i18n";
import { downloadFile } from "./downloadFile";
import { chromeTraceJson, TRACE_FILE_NAME } from "./exportContent";

/** Downloads the current trace in the Chrome Trace Event Format (DESIGN.md §5 `export-trace`). */
export function ExportTraceButton() {
  const store = useAppStoreApi();
  const hasTrace = useAppStore(selectHasTrace);
  const t = useT();
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="export-trace"
      disabled={!hasTrace}
      title={hasTrace ? t("export.title") : t("export.needsRun")}
      onClick={() => downloadFile(TRACE_FILE_NAME, chromeTraceJson(store.getState()), "application/json")}
    >
      {t("export.label")}
    </button>
  );
}
