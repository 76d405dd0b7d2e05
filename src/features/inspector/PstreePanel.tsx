import { useMemo } from "react";
import { pstreeAt } from "../../model/pstree";
import { selectCursorVt, selectTrace, selectTraceVersion, useAppStore } from "../../store";

/** The await tree at the cursor, as text a person can read and copy. */
export function PstreePanel() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  const cursor = useAppStore(selectCursorVt);
  // `version` is what changes when the mutable trace grows.
  const text = useMemo(() => (version >= 0 ? pstreeAt(trace.lanes(), cursor) : ""), [trace, version, cursor]);
  const handleCopy = () => void navigator.clipboard?.writeText(text);
  return (
    <section className="pstree" aria-label="Await tree at the cursor">
      <div className="pstree__head">
        <span>Await tree at the cursor</span>
        <button type="button" className="pstree__copy" onClick={handleCopy}>
          Copy
        </button>
      </div>
      <pre className="pstree__text" data-testid="pstree">
        {text}
      </pre>
    </section>
  );
}
