// Runs the taskline Python package's unit tests (stdlib unittest) inside Pyodide in Node: the
// interpreter users get, never the host's Python. Usage: node scripts/test-python.mjs [pattern]
import { readdirSync, readFileSync } from "node:fs";
import { bootPyodide, PY_ROOT } from "./pyodide-node.mjs";

const pattern = process.argv[2] ?? "test_*.py";
const pyodide = await bootPyodide();
// The examples gallery's programs (src/features/gallery/programs), for tests/test_gallery.py.
const GALLERY_DIR = new URL("../src/features/gallery/programs/", import.meta.url);
pyodide.FS.mkdirTree(`${PY_ROOT}/gallery`);
for (const name of readdirSync(GALLERY_DIR)) pyodide.FS.writeFile(`${PY_ROOT}/gallery/${name}`, readFileSync(new URL(name, GALLERY_DIR)));
const summary = pyodide.runPython(`
import sys, unittest
suite = unittest.defaultTestLoader.discover(${JSON.stringify(PY_ROOT + "/tests")}, pattern=${JSON.stringify(pattern)}, top_level_dir=${JSON.stringify(PY_ROOT)})
result = unittest.TextTestRunner(stream=sys.__stdout__, verbosity=2).run(suite)
failed = len(result.failures) + len(result.errors)
f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed, {len(result.skipped)} skipped"
`);
console.log(`python: ${summary}`);
process.exit(/ 0 failed/.test(summary) ? 0 : 1);
