import { selectProgramError, useAppStore } from "../../store";
import { describeProgramError } from "../run";

/**
 * The last run's error, named with its line, under the editor: the squiggle in the editor is easy
 * to miss, and this is also what automation reads (`editor-marker[data-line]`).
 */
export function ErrorLineNote() {
  const error = useAppStore(selectProgramError);
  if (error?.line === undefined) return null;
  return (
    <p className="code-editor__error-note" data-testid="editor-marker" data-line={error.line} role="note">
      {describeProgramError(error)}
    </p>
  );
}
