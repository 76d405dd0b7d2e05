import { useMemo } from "react";
import { pstreeAt } from "../../model/pstree";
import { useT } from "../i18n";
import { selectIsTraceLive, selectTrace, selectTraceMoment, useAppStore, useShallow } from "../../store";
import { treeLines } from "./treeLines";
import { TreeText } from "./TreeText";
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
  // The rows as elements, kept while the text stays: the panel re-renders on every shown batch
  // and cursor move, and re-creating up to 500 rows each time would be most of its work.
  const body = useMemo(() => <TreeText lines={treeLines(text)} />, [text]);
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
      {body}
    </section>
  );
}
