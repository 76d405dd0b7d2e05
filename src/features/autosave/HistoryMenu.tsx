import { useRef } from "react";
import { selectDraftHistory, selectLocale, useAppStore } from "../../store";
import { useT } from "../i18n";
import type { AutosaveController } from "./autosaveController";

/** "History": earlier versions of the draft, newest first, each restorable. */
export function HistoryMenu({ controller }: { readonly controller: AutosaveController }) {
  const t = useT();
  const history = useAppStore(selectDraftHistory);
  const locale = useAppStore(selectLocale);
  const details = useRef<HTMLDetailsElement>(null);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <details ref={details} className="menu" data-testid="history">
      <summary className="button" title={t("history.title")}>
        {t("history.button")}
      </summary>
      <div className="menu__panel" role="menu">
        {history.length === 0 && <p className="menu__empty">{t("history.empty")}</p>}
        {history.map((version) => (
          <button
            key={version.savedAtMs + version.source.length}
            type="button"
            role="menuitem"
            className="menu__item"
            data-testid="history-version"
            onClick={() => {
              controller.restore(version);
              details.current?.removeAttribute("open");
            }}
          >
            <span className="menu__item-title">{firstLine(version.source)}</span>
            <span className="menu__item-meta">
              {time.format(version.savedAtMs)} · {t("history.lines", { n: version.source.split("\n").length })} · {t("history.restore")}
            </span>
          </button>
        ))}
      </div>
    </details>
  );
}

/** The first line that says something: a comment or code, never blank. */
function firstLine(source: string): string {
  const line = source.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
