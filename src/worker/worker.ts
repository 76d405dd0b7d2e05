/// <reference lib="webworker" />
/**
 * The Python worker: boots Pyodide as soon as the page sends `init`, installs the taskline
 * package, removes the worker's network, storage and messaging capabilities (./lockdown.ts), then
 * runs ONE program (the page uses a fresh worker per run) as one synchronous Python call,
 * streaming trace batches as it goes. Everything after `init` travels over the private
 * MessagePort the page handed over, so a program calling `js.postMessage(...)` reaches nobody.
 * The page stops a runaway run through the interrupt buffer (when cross-origin isolated) or by
 * terminating this worker.
 *
 * Booting restores the stored memory snapshot when there is a valid one (./snapshot.ts, README
 * "Startup"), else starts CPython in full; either way the lockdown runs last, before any program.
 * With `role: "snapshot-maker"` the worker boots in full only to store that snapshot, and runs nothing.
 */
import { loadPyodide, version as pyodideVersion, type PyodideInterface } from "pyodide";
import { PROTOCOL_VERSION, type BootSource, type FromWorker, type RunId, type SnapshotReport, type ToWorker } from "../protocol/messages";
import { lockDownWorkerScope } from "./lockdown";
import { installPythonSources, PYTHON_SOURCES } from "./pythonSources";
import { splitRows } from "./rowBuffer";
import {
  forbiddenJsPaths,
  readStoredSnapshot,
  sha256Hex,
  snapshotIdentityText,
  snapshotJsPaths,
  snapshotKey,
  SNAPSHOT_CACHE,
  storeSnapshot,
  type SnapshotCache,
} from "./snapshot";


declare const self: DedicatedWorkerGlobalScope;

type BridgeRun = (source: string, optionsJson: string, post: (rows: unknown, detailsJson: unknown) => void) => string;

let bridgeRun: BridgeRun | undefined;
let pyodideRef: PyodideInterface | undefined;
/** The private channel to the page; set by `init`. */
let port: MessagePort | undefined;
/** The page's poster, captured before lockdown removes `self.postMessage` (fallback without a port). */
const postToSelf = self.postMessage.bind(self);

function send(message: FromWorker | SnapshotReport, transfer: Transferable[] = []): void {
  if (port !== undefined) port.postMessage(message, transfer);
  else postToSelf(message, transfer);
}

/** The real instantiateStreaming, captured before any watch replaces it. */
const realInstantiateStreaming = (WebAssembly as { instantiateStreaming?: typeof WebAssembly.instantiateStreaming }).instantiateStreaming;

/**
 * Pyodide instantiates its wasm inside an Emscripten hook that only logs a failure ("wasm
 * instantiation failed!") and never settles, so `loadPyodide` would wait forever and the page
 * would show "Loading 5 %" for good. Watch the instantiation ourselves (once per loadPyodide):
 * report its stages as progress, and turn a failure into an error that ends the boot.
 */
function watchWasmInstantiation(): Promise<never> {
  return new Promise<never>((_, reject) => {
    const wasm = WebAssembly as { instantiateStreaming?: typeof WebAssembly.instantiateStreaming };
    const original = realInstantiateStreaming;
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

/** What a full boot runs once the sources are written; a snapshot is taken right after it. */
const BOOT_PYTHON = "import taskline; taskline.install(); taskline.warm_up(); import taskline.bridge";
/**
 * What a restored interpreter runs first: a fresh seed for `random` (the snapshot froze its state;
 * `hash()`'s string seed stays the snapshot's), and sys.path as a full boot leaves it (Pyodide
 * puts "" in front again on every load).
 */
const AFTER_RESTORE_PYTHON = [
  "import sys",
  "if 'random' in sys.modules: sys.modules['random'].seed()",
  "if sys.path.count('') > 1 and sys.path[0] == '': del sys.path[0]",
].join("\n");

const quiet = { stdout: () => {}, stderr: () => {} };

async function loadWatched(config: Parameters<typeof loadPyodide>[0]): Promise<PyodideInterface> {
  return Promise.race([loadPyodide(config), watchWasmInstantiation()]);
}

/** The snapshot's cache key, or undefined when Web Crypto is missing. */
async function currentSnapshotKey(pyodideUrl: string): Promise<string | undefined> {
  try {
    return snapshotKey(pyodideUrl, pyodideVersion, await sha256Hex(snapshotIdentityText(PYTHON_SOURCES, BOOT_PYTHON)));
  } catch {
    return undefined;
  }
}

/** The snapshot cache, or undefined where Cache Storage is missing or refused (some privacy modes). */
async function openSnapshotCache(): Promise<SnapshotCache | undefined> {
  try {
    return typeof caches === "undefined" ? undefined : await caches.open(SNAPSHOT_CACHE);
  } catch {
    return undefined;
  }
}

/** A full boot: start CPython, install Taskline, warm it up. */
async function bootFresh(pyodideUrl: string, makeSnapshot = false): Promise<PyodideInterface> {
  const pyodide = await loadWatched({ indexURL: pyodideUrl, ...quiet, ...(makeSnapshot && { _makeSnapshot: true }) });
  pyodideRef = pyodide;
  send({ type: "progress", stage: "Installing Taskline", fraction: 0.9 });
  installPythonSources(pyodide);
  pyodide.runPython(BOOT_PYTHON);
  return pyodide;
}

/** Restores the stored snapshot (read and checked while the runtime downloads and compiles). */
async function bootFromSnapshot(pyodideUrl: string, stored: Response): Promise<PyodideInterface> {
  const pyodide = await loadWatched({ indexURL: pyodideUrl, ...quiet, _loadSnapshot: readStoredSnapshot(stored) });
  pyodideRef = pyodide;
  installPythonSources(pyodide, { addToPath: false });
  pyodide.runPython(AFTER_RESTORE_PYTHON);
  // Python's state is warm, but this worker's wasm code is not (V8 compiles functions lazily, then
  // tiers them up): one warm-up run here makes the first Run as quick as after a full boot.
  pyodide.runPython("import taskline; taskline.warm_up()");
  return pyodide;
}

async function boot(pyodideUrl: string, interruptBuffer: Int32Array | undefined): Promise<void> {
  send({ type: "progress", stage: "Downloading the Python runtime", fraction: 0.05 });
  try {
    const [key, cache] = await Promise.all([currentSnapshotKey(pyodideUrl), openSnapshotCache()]);
    const stored = key !== undefined && cache !== undefined ? await cache.match(key).catch(() => undefined) : undefined;
    let pyodide: PyodideInterface | undefined;
    let bootedFrom: BootSource = "fresh";
    if (stored !== undefined) {
      try {
        pyodide = await bootFromSnapshot(pyodideUrl, stored);
        bootedFrom = "snapshot";
      } catch (error) {
        // Never let a bad snapshot break a run: forget it and boot in full (the page makes a new one).
        console.warn(`Taskline: discarded the stored Python snapshot (${error instanceof Error ? error.message : String(error)})`);
        pyodideRef = undefined;
        await cache?.delete(key!).catch(() => false);
      }
    }
    pyodide ??= await bootFresh(pyodideUrl);
    bridgeRun = pyodide.runPython("import taskline.bridge; taskline.bridge.run") as BridgeRun;
    const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]"));
    if (interruptBuffer !== undefined) pyodide.setInterruptBuffer(interruptBuffer);
    const survivors = lockDownWorkerScope(self);
    if (survivors.length > 0) throw new Error(`could not remove ${survivors.join(", ")} from the worker`);
    send({ type: "ready", protocolVersion: PROTOCOL_VERSION, pythonVersion, bootedFrom });
  } catch (error) {
    send({ type: "bootFailed", message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * A snapshot maker: boots in full exactly as a spare does, stores the memory snapshot, reports, and
 * runs nothing (the page never sends it a program and terminates it after the report).
 */
async function makeSnapshot(pyodideUrl: string): Promise<void> {
  const report = (outcome: SnapshotReport["outcome"], message?: string) =>
    send({ type: "snapshot", outcome, ...(message !== undefined && { message }) });
  try {
    const [key, cache] = await Promise.all([currentSnapshotKey(pyodideUrl), openSnapshotCache()]);
    if (key === undefined || cache === undefined) return report("failed", "this browser gives the page no Cache Storage or Web Crypto");
    if ((await cache.match(key)) !== undefined) return report("present");
    const pyodide = await bootFresh(pyodideUrl, true);
    const bytes = pyodide.makeMemorySnapshot() as Uint8Array<ArrayBuffer>;
    const paths = snapshotJsPaths(bytes);
    if (paths === undefined) return report("failed", "Pyodide made a snapshot this page cannot read");
    const forbidden = forbiddenJsPaths(paths);
    if (forbidden.length > 0) return report("failed", `the snapshot would hand Python ${forbidden.join(", ")}`);
    await storeSnapshot(cache, key, bytes);
    report("stored");
  } catch (error) {
    report("failed", error instanceof Error ? error.message : String(error));
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
  if (message.role === "snapshot-maker") void makeSnapshot(message.pyodideUrl);
  else void boot(message.pyodideUrl, message.interruptBuffer);
};
