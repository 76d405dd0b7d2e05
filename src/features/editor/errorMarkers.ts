/**
 * Where an error goes in the editor. Pure: the caller passes the program's lines, and gets back a
 * 1-based range Monaco accepts (columns are clamped to the line, so a stale error never throws).
 */
import type { ProgramError } from "../../protocol/messages";
import { describeProgramError } from "../run";

export interface ErrorMarker {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly message: string;
}

/**
 * A syntax error is marked from its column to the end of the line; an exception, on the whole line
 * (the traceback has no column). Undefined when the error has no line in the program.
 */
export function errorMarker(error: ProgramError, lines: readonly string[]): ErrorMarker | undefined {
  if (error.line === undefined || error.line < 1 || lines.length === 0) return undefined;
  const lineNumber = Math.min(error.line, lines.length);
  const text = lines[lineNumber - 1] ?? "";
  const maxColumn = text.length + 1;
  const firstNonBlank = text.length - text.trimStart().length + 1;
  let startColumn = error.kind === "syntax" && error.column !== undefined && error.column > 0 ? Math.min(error.column, maxColumn) : firstNonBlank;
  let endColumn = maxColumn;
  // Keep the squiggle visible even at the end of a line (e.g. "unexpected EOF").
  if (startColumn >= endColumn) {
    startColumn = Math.max(1, maxColumn - 1);
    endColumn = maxColumn;
  }
  return { startLineNumber: lineNumber, startColumn, endLineNumber: lineNumber, endColumn, message: describeProgramError(error) };
}
