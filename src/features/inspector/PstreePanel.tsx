import { useMemo } from "react";
import { pstreeAt } from "../../model/pstree";
import { useT } from "../i18n";
import { selectCursorVt, selectTrace, selectTraceVersion, useAppStore } from "../../store";

/** The await tree at the cursor, as text a person can read and copy. */
export function PstreePanel() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  const cursor = useAppStore(selectCursorVt);
  // `version` is what changes when the mutable trace grows.
  const text = useMemo(() => (version >= 0 ? pstreeAt(trace.lanes(), cursor) : ""), [trace, version, cursor]);
  const t = useT();
  const handleCopy = () => void navigator.clipboard?.writeText(text);
  return (
    <section className="pstree" aria-label={t("pstree.heading")}>
      <div className="pstree__head">
        <span>{t("pstree.heading")}</span>
        <button type="button" className="pstree__copy" onClick={handleCopy}>
          {t("pstree.copy")}
        </button>
      </div>
      <pre className="pstree__text" data-testid="pstree">
        {text}
      </pre>
    </section>
  );
}
