import { describe, expect, it } from "vitest";
import { errorMarker } from "./errorMarkers";

const LINES = ["import asyncio", "", "async def main():", "    raise ValueError('boom')", "x = (1,"];

describe("error markers", () => {
  it("underline an exception's line from its first non-blank character", () => {
    const marker = errorMarker({ kind: "exception", excType: "ValueError", message: "boom", line: 4, traceback: "" }, LINES);
    expect(marker).toEqual({ startLineNumber: 4, startColumn: 5, endLineNumber: 4, endColumn: 29, message: "ValueError: boom (line 4)" });
  });

  it("underline a syntax error from its column", () => {
    const marker = errorMarker({ kind: "syntax", excType: "SyntaxError", message: "'(' was never closed", line: 5, column: 5, traceback: "" }, LINES);
    expect(marker).toMatchObject({ startLineNumber: 5, startColumn: 5, endColumn: 8 });
  });

  it("stay inside the program when the error points past its end", () => {
    const marker = errorMarker({ kind: "syntax", excType: "SyntaxError", message: "unexpected EOF", line: 9, column: 40, traceback: "" }, LINES);
    expect(marker).toMatchObject({ startLineNumber: 5, startColumn: 7, endColumn: 8 });
  });

  it("still show on an empty line", () => {
    const marker = errorMarker({ kind: "syntax", excType: "SyntaxError", message: "x", line: 2, column: 1, traceback: "" }, LINES);
    expect(marker).toMatchObject({ startLineNumber: 2, startColumn: 1, endColumn: 1 });
  });

  it("are left out when the error has no line", () => {
    expect(errorMarker({ kind: "exception", excType: "RuntimeError", message: "x", traceback: "" }, LINES)).toBeUndefined();
  });
});
