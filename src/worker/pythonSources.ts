/**
 * The Python packages the worker installs at boot, bundled as text and written into Pyodide's
 * file system: `taskline` (the loop, recorder and runtime; only `bridge.py` imports Pyodide) and
 * the look-alikes of `fastapi` and `uvicorn` that tutorial web handlers import.
 */
import type { PyodideInterface } from "pyodide";

/** Every bundled file, by its path in this folder (also what the memory snapshot's key hashes). */
export const PYTHON_SOURCES: Readonly<Record<string, string>> = import.meta.glob<string>("./python/{taskline,fastapi,uvicorn}/*.py", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Where the packages live inside Pyodide's file system; put on sys.path. */
const ROOT = "/taskline";

/**
 * Writes the files. A fresh boot also puts ROOT on sys.path; an interpreter restored from the
 * memory snapshot already has it there (and its modules imported), but the file system lives
 * outside the wasm memory, so the files (which tracebacks and later imports read) are written again.
 */
export function installPythonSources(pyodide: PyodideInterface, { addToPath = true }: { readonly addToPath?: boolean } = {}): void {
  for (const [path, text] of Object.entries(PYTHON_SOURCES)) {
    const [pkg, file] = path.split("/").slice(-2) as [string, string];
    pyodide.FS.mkdirTree(`${ROOT}/${pkg}`);
    pyodide.FS.writeFile(`${ROOT}/${pkg}/${file}`, text);
  }
  if (addToPath) pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(ROOT)})`);
}
