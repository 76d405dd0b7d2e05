/// <reference lib="webworker" />
/**
 * The Python worker: boots Pyodide as soon as the page sends `init`, installs the taskline
 * package, then runs programs one at a time, streaming trace batches as it goes. A run is one
 * synchronous Python call; the page stops a runaway run by terminating this worker.
 */
import { loadPyodide, type PyodideInterface } from "pyodide";
import { PROTOCOL_VERSION, type FromWorker, type RunId, type ToWorker } from "../protocol/messages";
import type { TraceColumns } from "../protocol/trace";
import { installPythonSources } from "./pythonSources";

/** Numbers per row in the interleaved buffer Python fills (taskline/recorder.py ROW_WIDTH). */
const ROW_WIDTH = 5;

declare const self: DedicatedWorkerGlobalScope;

type BridgeRun = (source: string, optionsJson: string, post: (rows: unknown, detailsJson: unknown) => void) => string;

let bridgeRun: BridgeRun | undefined;

function send(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function boot(pyodideUrl: string): Promise<void> {
  send({ type: "progress", stage: "Downloading the Python runtime", fraction: 0.05 });
  let pyodide: PyodideInterface;
  try {
    pyodide = await loadPyodide({ indexURL: pyodideUrl, stdout: () => {}, stderr: () => {} });
    send({ type: "progress", stage: "Installing Taskline", fraction: 0.9 });
    installPythonSources(pyodide);
    pyodide.runPython("import taskline; taskline.install(); taskline.warm_up()");
    bridgeRun = pyodide.runPython("import taskline.bridge; taskline.bridge.run") as BridgeRun;
    const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]"));
    send({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion });
  } catch (error) {
    send({ type: "bootFailed", message: error instanceof Error ? error.message : String(error) });
  }
}

function run(runId: RunId, source: string, optionsJson: string): void {
  if (bridgeRun === undefined) return;
  const post = (rows: unknown, detailsJson: unknown) => {
    const columns = splitRows(rows as Float64Array);
    const transfer = [columns.kind.buffer, columns.task.buffer, columns.x.buffer, columns.y.buffer, columns.t.buffer];
    send({ type: "trace", runId, columns, details: JSON.parse(String(detailsJson)) }, transfer as ArrayBuffer[]);
  };
  try {
    const end = JSON.parse(bridgeRun(source, optionsJson, post));
    send({ type: "runEnded", runId, end: toRunEnd(end), totals: end.totals });
  } catch (error) {
    // Our own Python failed (not the user's program), or the interpreter died.
    send({ type: "crashed", message: error instanceof Error ? error.message.split("\n").slice(-3).join("\n") : String(error) });
  }
}

/** Python appends rows interleaved (one C call per row); the wire carries them as columns. */
function splitRows(rows: Float64Array): TraceColumns {
  const n = rows.length / ROW_WIDTH;
  const columns = { kind: new Uint8Array(n), task: new Int32Array(n), x: new Int32Array(n), y: new Int32Array(n), t: new Float64Array(n) };
  for (let i = 0, j = 0; i < n; i++, j += ROW_WIDTH) {
    columns.kind[i] = rows[j]!;
    columns.task[i] = rows[j + 1]!;
    columns.x[i] = rows[j + 2]!;
    columns.y[i] = rows[j + 3]!;
    columns.t[i] = rows[j + 4]!;
  }
  return columns;
}

/** The Python side returns {status, reason?, message?, error?}; shape it into RunEnd. */
function toRunEnd(end: { status: string; reason?: string; message?: string; error?: unknown }): Extract<FromWorker, { type: "runEnded" }>["end"] {
  if (end.status === "error") return { status: "error", error: end.error as never };
  if (end.status === "stopped") return { status: "stopped", reason: end.reason as never, message: end.message ?? "" };
  return { status: "done" };
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "init":
      void boot(message.pyodideUrl);
      return;
    case "run":
      run(message.runId, message.source, JSON.stringify(message.options));
      return;
  }
};
