import { Fragment, useMemo } from "react";
import { pstreeAt } from "../../model/pstree";
import { useT } from "../i18n";
import { selectIsTraceLive, selectTrace, selectTraceMoment, useAppStore, useShallow } from "../../store";
import { treeLines } from "./treeLines";
import { useThrottled } from "./useThrottled";

/** The await tree at the cursor, as text a person can read and copy. */
export function PstreePanel() {
  const trace = useAppStore(selectTrace);
  const live = useAppStore(selectIsTraceLive);
  // `version` is what changes when the mutable trace grows. While the run streams in or plays, the
  // tree (a pass over every lane) refreshes a few times a second, not per batch or frame.
  const inputs = useAppStore(useShallow(selectTraceMoment));
  const { version, cursor } = useThrottled(inputs, live);
  const text = useMemo(() => (version >= 0 ? pstreeAt(trace.lanes(), cursor) : ""), [trace, version, cursor]);
  const lines = useMemo(() => treeLines(text), [text]);
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
      {/* One row per task; the newlines between rows keep the element's text the tree's text
          (a flex container does not draw them). A long row wraps under its own words. */}
      <pre className="pstree__text" data-testid="pstree">
        {lines.map((line, i) => (
          <Fragment key={i}>
            {i > 0 && "\n"}
            <span className="pstree__line" title={line.prefix + line.body}>
              <span className="pstree__branch">{line.prefix}</span>
              <span className="pstree__words">{line.body}</span>
            </span>
          </Fragment>
        ))}
      </pre>
    </section>
  );
}
