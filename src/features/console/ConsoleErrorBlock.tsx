import type { ProgramError } from "../../protocol/messages";

/** The traceback of a run that ended with an uncaught exception or a syntax error. */
export function ConsoleErrorBlock({ error }: { readonly error: ProgramError }) {
  const text = error.traceback.trim() === "" ? `${error.excType}: ${error.message}` : error.traceback.replace(/\n+$/, "");
  return (
    <pre className="console-error" data-testid="console-error">
      {text}
    </pre>
  );
}
