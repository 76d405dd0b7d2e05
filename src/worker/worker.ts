/// <reference lib="webworker" />
/**
 * The Python worker: boots Pyodide as soon as the page sends `init`, installs the taskline
 * package, removes the worker's network, storage and messaging capabilities (./lockdown.ts), then
 * runs ONE program (the page uses a fresh worker per run) as one synchronous Python call,
 * streaming trace batches as it goes. Everything after `init` travels over the private
 * MessagePort the page handed over, so a program calling `js.postMessage(...)` reaches nobody.
 * The page stops a runaway run through the interrupt buffer (when cross-origin isolated) or by
 * terminating this worker.
 */
import { loadPyodide, type PyodideInterface } from "pyodide";
import { PROTOCOL_VERSION, type FromWorker, type RunId, type ToWorker } from "../protocol/messages";
import { lockDownWorkerScope } from "./lockdown";
import { installPythonSources } from "./pythonSources";
import { splitRows } from "./rowBuffer";


declare const self: DedicatedWorkerGlobalScope;

type BridgeRun = (source: string, optionsJson: string, post: (rows: unknown, detailsJson: unknown) => void) => string;

let bridgeRun: BridgeRun | undefined;
let pyodideRef: PyodideInterface | undefined;
/** The private channel to the page; set by `init`. */
let port: MessagePort | undefined;
/** The page's poster, captured before lockdown removes `self.postMessage` (fallback without a port). */
const postToSelf = self.postMessage.bind(self);

function send(message: FromWorker, transfer: Transferable[] = []): void {
  if (port !== undefined) port.postMessage(message, transfer);
  else postToSelf(message, transfer);
}

/**
 * Pyodide instantiates its wasm inside an Emscripten hook that only logs a failure ("wasm
 * instantiation failed!") and never settles, so `loadPyodide` would wait forever and the page
 * would show "Loading 5 %" for good. Watch the instantiation ourselves: report its stages as
 * progress, and turn a failure into an error that ends the boot.
 */
function watchWasmInstantiation(): Promise<never> {
  return new Promise<never>((_, reject) => {
    const wasm = WebAssembly as { instantiateStreaming?: typeof WebAssembly.instantiateStreaming };
    const original = wasm.instantiateStreaming;
    if (original === undefined) return;
    wasm.instantiateStreaming = (source, imports) => {
      wasm.instantiateStreaming = original;
      send({ type: "progress", stage: "Compiling the Python runtime", fraction: 0.3 });
      return original.call(WebAssembly, source, imports).then(
        (result) => {
          send({ type: "progress", stage: "Starting Python", fraction: 0.7 });
          return result;
        },
        (error: unknown) => {
          reject(new Error(`could not compile the Python runtime (${error instanceof Error ? error.message : String(error)})`));
          throw error;
        },
      );
    };
  });
}

async function boot(pyodideUrl: string, interruptBuffer: Int32Array | undefined): Promise<void> {
  send({ type: "progress", stage: "Downloading the Python runtime", fraction: 0.05 });
  let pyodide: PyodideInterface;
  try {
    const failed = watchWasmInstantiation();
    pyodide = await Promise.race([loadPyodide({ indexURL: pyodideUrl, stdout: () => {}, stderr: () => {} }), failed]);
    pyodideRef = pyodide;
    send({ type: "progress", stage: "Installing Taskline", fraction: 0.9 });
    installPythonSources(pyodide);
    pyodide.runPython("import taskline; taskline.install(); taskline.warm_up()");
    bridgeRun = pyodide.runPython("import taskline.bridge; taskline.bridge.run") as BridgeRun;
    const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]"));
    if (interruptBuffer !== undefined) pyodide.setInterruptBuffer(interruptBuffer);
    const survivors = lockDownWorkerScope(self);
    if (survivors.length > 0) throw new Error(`could not remove ${survivors.join(", ")} from the worker`);
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
    send(describeFailure(error));
  } finally {
    bridgeRun = undefined; // one program per interpreter: the page boots a fresh worker for the next
  }
}

/** Whether the interpreter still answers (after a fatal error every call throws). */
function interpreterAlive(): boolean {
  try {
    pyodideRef?.runPython("0");
    return pyodideRef !== undefined;
  } catch {
    return false;
  }
}

/** Explains, in plain words, why the interpreter stopped. */
export function describeFailure(error: unknown): Extract<FromWorker, { type: "crashed" }> {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const tail = raw.split("\n").filter((line) => line.trim() !== "").slice(-3).join("\n").slice(0, 2000);
  const alive = interpreterAlive();
  if (/out of memory|cannot enlarge memory|allocation failed|maximum memory|MemoryError/i.test(raw)) {
    return { type: "crashed", reason: "memory", message: "the program used more memory than the browser gives Python" };
  }
  if (/exit\(|ExitStatus|Program terminated|abort/i.test(raw)) {
    return { type: "crashed", reason: "fatal", message: "the program ended the Python interpreter itself (os._exit() or os.abort())" };
  }
  if (/stack|recursion/i.test(raw)) {
    return {
      type: "crashed",
      reason: "fatal",
      message:
        "Python's C stack overflowed (for example printing a structure nested thousands of levels deep, or deep recursion after sys.setrecursionlimit)",
    };
  }
  if (!alive || /fatal/i.test(raw)) {
    return { type: "crashed", reason: "fatal", message: `the Python interpreter failed fatally (${tail})` };
  }
  return { type: "crashed", reason: "fatal", message: `Taskline's runner failed: ${tail}` };
}

/** The Python side returns {status, reason?, message?, error?}; shape it into RunEnd. */
function toRunEnd(end: { status: string; reason?: string; message?: string; error?: unknown }): Extract<FromWorker, { type: "runEnded" }>["end"] {
  if (end.status === "error") return { status: "error", error: end.error as never };
  if (end.status === "stopped") return { status: "stopped", reason: end.reason as never, message: end.message ?? "" };
  return { status: "done" };
}

function handleCommand(message: ToWorker): void {
  switch (message.type) {
    case "init":
      return;
    case "run":
      run(message.runId, message.source, JSON.stringify(message.options));
      return;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type !== "init") return;
  self.onmessage = null; // from now on, only the private port is listened to
  port = message.port;
  if (port !== undefined) port.onmessage = (e: MessageEvent<ToWorker>) => handleCommand(e.data);
  void boot(message.pyodideUrl, message.interruptBuffer);
};
