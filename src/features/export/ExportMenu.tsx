import { useRef, useState } from "react";
import { selectHasTrace, useAppStore, useAppStoreApi } from "../../store";
import type { MessageKey } from "../i18n";
import { useT } from "../i18n";
import { copyText } from "../share";
import type { Theme } from "../swimlane";
import { downloadFile } from "./downloadFile";
import { chromeTraceJson, PNG_FILE_NAME, runReportOf, SVG_FILE_NAME, swimlaneSvgOf, TEXT_FILE_NAME, TRACE_FILE_NAME } from "./exportContent";
import { browserPerfettoEnv, openInPerfetto, perfettoUnavailable, type PerfettoOutcome } from "./perfetto";
import { svgToPng } from "./svgToPng";

const PERFETTO_MESSAGES: Readonly<Record<PerfettoOutcome | "opening", MessageKey>> = {
  opening: "export.perfetto.opening",
  sent: "export.perfetto.sent",
  isolated: "export.perfetto.isolated",
  blocked: "export.perfetto.blocked",
  "cut-off": "export.perfetto.isolated",
  closed: "export.perfetto.closed",
  timeout: "export.perfetto.timeout",
};

type Status = { readonly key: MessageKey; readonly ok: boolean } | undefined;

/**
 * "Export": the run in other forms — opened in Perfetto, the swimlane as SVG or PNG (in the
 * swimlane's colours for `theme`), the summary, await tree and task list as text.
 */
export function ExportMenu({ theme }: { readonly theme: Theme }) {
  const t = useT();
  const store = useAppStoreApi();
  const hasTrace = useAppStore(selectHasTrace);
  const details = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState<Status>(undefined);
  const isolated = perfettoUnavailable({ crossOriginIsolated: window.crossOriginIsolated === true }) !== undefined;
  const close = () => details.current?.removeAttribute("open");

  const handlePerfetto = async () => {
    setStatus({ key: PERFETTO_MESSAGES.opening, ok: true });
    const bytes = new TextEncoder().encode(chromeTraceJson(store.getState()));
    const outcome = await openInPerfetto({ buffer: bytes.buffer, title: t("export.runTitle"), fileName: TRACE_FILE_NAME }, browserPerfettoEnv());
    setStatus({ key: PERFETTO_MESSAGES[outcome], ok: outcome === "sent" });
  };
  const handleSvg = () => {
    downloadFile(SVG_FILE_NAME, swimlaneSvgOf(store.getState(), theme, t).svg, "image/svg+xml");
    close();
  };
  const handlePng = async () => {
    const { svg, widthPx, heightPx } = swimlaneSvgOf(store.getState(), theme, t);
    try {
      downloadFile(PNG_FILE_NAME, await svgToPng(svg, widthPx, heightPx), "image/png");
      close();
    } catch {
      setStatus({ key: "export.pngFailed", ok: false });
    }
  };
  const handleText = () => {
    downloadFile(TEXT_FILE_NAME, runReportOf(store.getState(), t), "text/plain;charset=utf-8");
    close();
  };
  const handleCopy = async () => {
    const ok = await copyText(runReportOf(store.getState(), t));
    setStatus({ key: ok ? "export.copied" : "share.copyFailed", ok });
  };

  const item = (testId: string, label: MessageKey, onClick: () => void, disabled = !hasTrace) => (
    <button type="button" role="menuitem" className="menu__item export-menu__item" data-testid={testId} disabled={disabled} onClick={onClick}>
      {t(label)}
    </button>
  );

  return (
    <details ref={details} className="menu export-menu" data-testid="export-menu" onToggle={() => setStatus(undefined)}>
      <summary className="button button--small" title={t("export.menuTitle")}>
        {t("export.menu")} ▾
      </summary>
      <div className="menu__panel export-menu__panel" role="menu">
        {!hasTrace && <p className="menu__empty">{t("export.needsRun")}</p>}
        {item("export-perfetto", "export.perfetto", () => void handlePerfetto(), !hasTrace || isolated)}
        {isolated && (
          <p className="export-menu__note" data-testid="export-perfetto-unavailable">
            {t("export.perfetto.isolated")}
          </p>
        )}
        {item("export-json", "export.json", () => {
          downloadFile(TRACE_FILE_NAME, chromeTraceJson(store.getState()), "application/json");
          close();
        })}
        {item("export-svg", "export.svg", handleSvg)}
        {item("export-png", "export.png", () => void handlePng())}
        {item("export-text", "export.text", handleText)}
        {item("export-copy-text", "export.copyText", () => void handleCopy())}
        {status !== undefined && (
          <p className={`export-menu__status${status.ok ? "" : " export-menu__status--failed"}`} role="status" data-testid="export-status">
            {t(status.key)}
          </p>
        )}
      </div>
    </details>
  );
}
