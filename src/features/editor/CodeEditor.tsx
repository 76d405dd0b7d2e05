import { useRef } from "react";
import { selectSource, useAppStore } from "../../store";
import { useT } from "../i18n";
import { ErrorLineNote } from "./ErrorLineNote";
import { useMonacoEditor } from "./useMonacoEditor";

/** The program editor; shows the program as plain text until Monaco has loaded. */
export function CodeEditor() {
  const host = useRef<HTMLDivElement>(null);
  const loadState = useMonacoEditor(host);
  const source = useAppStore(selectSource);
  const t = useT();
  return (
    <div className="code-editor">
      <div ref={host} className="code-editor__host" data-testid="editor" />
      <ErrorLineNote />
      {loadState.kind !== "loaded" && (
        <pre className="code-editor__fallback" aria-label={t("editor.fallbackAria")}>
          {source}
        </pre>
      )}
      {loadState.kind === "failed" && (
        <p className="code-editor__failure" role="alert">
          {t("editor.failed", { message: loadState.message })}
        </p>
      )}
    </div>
  );
}
