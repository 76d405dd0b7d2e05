/// <reference lib="webworker" />
/**
 * The Python worker: boots Pyodide as soon as the page sends `init`, installs the taskline
 * package, then runs programs one at a time, streaming trace batches as it goes. A run is one
 * synchronous Python call; the page stops a runaway run by terminating this worker.
 */
import { loadPyodide, type PyodideInterface } from "pyodide";
import { PROTOCOL_VERSION, type FromWorker, type RunId, type ToWorker } from "../protocol/messages";
import { installPythonSources } from "./pythonSources";

declare const self: DedicatedWorkerGlobalScope;

type BridgeRun = (source: string, optionsJson: string, post: (...batch: unknown[]) => void) => string;

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
    pyodide.runPython("import taskline; taskline.install()");
    bridgeRun = pyodide.runPython("import taskline.bridge; taskline.bridge.run") as BridgeRun;
    const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]"));
    send({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion });
  } catch (error) {
    send({ type: "bootFailed", message: error instanceof Error ? error.message : String(error) });
  }
}

function run(runId: RunId, source: string, optionsJson: string): void {
  if (bridgeRun === undefined) return;
  const post = (kind: unknown, task: unknown, x: unknown, y: unknown, t: unknown, detailsJson: unknown) => {
    const columns = { kind, task, x, y, t } as Extract<FromWorker, { type: "trace" }>["columns"];
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
