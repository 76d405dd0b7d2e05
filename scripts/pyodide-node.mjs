// Loads the same Pyodide the browser gets, in Node, with Taskline's Python sources installed.
// Shared by the Python unit tests (test-python.mjs) and the loop benchmark (bench-loop.mjs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

export const PYTHON_DIR = fileURLToPath(new URL("../src/worker/python/", import.meta.url));
/** Where the Python sources live inside Pyodide's file system; on sys.path. */
export const PY_ROOT = "/taskline";

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "__pycache__") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Boots Pyodide and writes src/worker/python/** under /taskline. */
export async function bootPyodide({ quiet = false } = {}) {
  const pyodide = await loadPyodide({
    stdout: quiet ? () => {} : (line) => console.log(line),
    stderr: quiet ? () => {} : (line) => console.error(line),
  });
  for (const file of walk(PYTHON_DIR)) {
    const target = join(PY_ROOT, relative(PYTHON_DIR, file));
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
    pyodide.FS.writeFile(target, readFileSync(file));
  }
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(PY_ROOT)})`);
  return pyodide;
}
