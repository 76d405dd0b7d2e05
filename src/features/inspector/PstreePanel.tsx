import { useMemo } from "react";
import { pstreeAt } from "../../model/pstree";
import { useT } from "../i18n";
import { selectIsTraceLive, selectTraceAtCursor, useAppStore, useShallow, type TraceAtCursor } from "../../store";
import { treeLines } from "./treeLines";
import { TreeText } from "./TreeText";
import { useLiveDerived } from "./useLiveDerived";

/** The await tree at the cursor, as text a person can read and copy. */
export function PstreePanel() {
  const live = useAppStore(selectIsTraceLive);
  // `version` is what changes when the mutable trace grows. While the run streams in or plays, the
  // tree (a pass over every lane) is derived a few times a second in a task of its own, not per
  // batch or frame.
  const inputs = useAppStore(useShallow(selectTraceAtCursor));
  const text = useLiveDerived(inputs, live, treeText);
  // The rows as elements, kept while the text stays: the panel re-renders on every shown batch
  // and cursor move, and re-creating up to 200 rows each time would be most of its work.
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

function treeText({ trace, version, cursor }: TraceAtCursor): string {
  return version >= 0 ? pstreeAt(trace.lanes(), cursor) : "";
}
