/**
 * The taskline Python package, bundled as text and written into Pyodide's file system at boot.
 * `bridge.py` is the only module that imports Pyodide; the rest is standard library only.
 */
import type { PyodideInterface } from "pyodide";

const sources = import.meta.glob<string>("./python/taskline/*.py", { query: "?raw", import: "default", eager: true });

/** Where the package lives inside Pyodide's file system; put on sys.path. */
const ROOT = "/taskline";

export function installPythonSources(pyodide: PyodideInterface): void {
  pyodide.FS.mkdirTree(`${ROOT}/taskline`);
  for (const [path, text] of Object.entries(sources)) {
    pyodide.FS.writeFile(`${ROOT}/taskline/${path.slice(path.lastIndexOf("/") + 1)}`, text);
  }
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(ROOT)})`);
}
