/**
 * The page side of the Python worker: starts it, hands it runs, stops it by replacing it, and
 * passes on only messages that validate and come from the current worker.
 */
import { PROTOCOL_VERSION, type FromWorker, type RunId, type RunOptions, type ToWorker } from "../protocol/messages";
import { parseFromWorker } from "../protocol/validate";

export interface RunnerOptions {
  /** Where Pyodide's runtime files are served, ending in "/". Defaults to `pyodide/` beside the page. */
  readonly pyodideUrl?: string;
}

function createPythonWorker(): Worker {
  return new Worker(new URL("../worker/worker.ts", import.meta.url), { type: "module", name: "taskline-python" });
}

/** Satisfies the store's RunnerPort (structurally: the runner does not import the store). */
export class RunnerClient {
  private worker: Worker;
  private readonly pyodideUrl: string;

  constructor(
    private readonly onMessage: (msg: FromWorker) => void,
    options: RunnerOptions = {},
  ) {
    this.pyodideUrl = options.pyodideUrl ?? new URL("pyodide/", document.baseURI).href;
    this.worker = this.startWorker();
  }

  run(runId: RunId, source: string, options: RunOptions): void {
    this.post({ type: "run", runId, source, options });
  }

  stop(): void {
    this.worker.terminate();
    this.worker = this.startWorker();
  }

  dispose(): void {
    this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private startWorker(): Worker {
    const worker = createPythonWorker();
    worker.onmessage = (event: MessageEvent<unknown>) => {
      if (worker !== this.worker) return; // a replaced worker's leftovers
      const message = parseFromWorker(event.data);
      if (message === undefined) {
        console.warn("Taskline: dropped a malformed message from the Python worker");
        return;
      }
      this.onMessage(message);
      if (message.type === "crashed") this.stop();
    };
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      this.onMessage({ type: "crashed", message: event.message || "The Python worker stopped unexpectedly." });
      this.stop();
    };
    this.worker = worker;
    this.post({ type: "init", protocolVersion: PROTOCOL_VERSION, pyodideUrl: this.pyodideUrl });
    return worker;
  }
}
