/**
 * The Python packages the worker installs at boot, bundled as text and written into Pyodide's
 * file system: `taskline` (the loop, recorder and runtime; only `bridge.py` imports Pyodide) and
 * the look-alikes of `fastapi` and `uvicorn` that tutorial web handlers import.
 */
import type { PyodideInterface } from "pyodide";

const sources = import.meta.glob<string>("./python/{taskline,fastapi,uvicorn}/*.py", { query: "?raw", import: "default", eager: true });

/** Where the packages live inside Pyodide's file system; put on sys.path. */
const ROOT = "/taskline";

export function installPythonSources(pyodide: PyodideInterface): void {
  for (const [path, text] of Object.entries(sources)) {
    const [pkg, file] = path.split("/").slice(-2) as [string, string];
    pyodide.FS.mkdirTree(`${ROOT}/${pkg}`);
    pyodide.FS.writeFile(`${ROOT}/${pkg}/${file}`, text);
  }
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(ROOT)})`);
}
