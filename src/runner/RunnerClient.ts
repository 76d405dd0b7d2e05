/**
 * The page side of the Python worker.
 *
 * - **A fresh interpreter per run.** Up to two booted *spare* workers wait (./sparePool.ts: one
 *   boots at a time, so the page's first boot is not slowed by a second); Run hands the program
 *   to a ready one and the pool boots a replacement behind it. A worker that has run user code is
 *   terminated when its run ends, so nothing one program did (a module file written, builtins or
 *   asyncio patched) reaches the next, and Stop, a crash or two quick runs cost no waiting (a
 *   third within a boot's time waits as `starting` in the store until the replacement is ready).
 * - **Boot failures surface.** A spare that fails to boot (or takes longer than BOOT_TIMEOUT_MS)
 *   is replaced once before the page is told; a worker never hangs at "Loading" silently.
 * - **Stop ladder.** With cross-origin isolation the worker gets a shared interrupt buffer: Stop
 *   raises KeyboardInterrupt in Python (re-armed, since a program may swallow it) and waits a short
 *   grace period; otherwise, or when that does not end the run (a long C call, a swallowed
 *   interrupt), the worker is terminated. The store is told which rung ended it (`stopOutcome`).
 *   The run's wall-clock budget is enforced the same way.
 * - **Isolation.** Workers start from a `blob:` URL (so they inherit the page's CSP, including a
 *   `<meta>` one) that imports the real worker bundle; after `init` every message travels over a
 *   private MessagePort, and the worker's default channel is never listened to.
 * - **Memory snapshot.** When a spare had to boot in full (no valid snapshot stored), the page
 *   starts one `snapshot-maker` worker once it is idle (both spares ready, no run for
 *   MAKER_IDLE_MS): it boots, stores its memory snapshot in Cache Storage and is terminated. A Run
 *   while it boots terminates it (the run's replacement boots at once, as without it) and the
 *   countdown starts again at the next idle moment; later boots restore the snapshot
 *   (README "Startup"). `<html data-python-boot>` says how the latest ready spare started,
 *   `data-python-snapshot` what the maker did (`making`, `stored`, `present`, `failed`).
 * - **Boundary.** Every message is validated (parseFromWorker) and accepted only from the worker
 *   it belongs to; trace batches are merged and applied at most once per animation frame.
 */
import workerBundleUrl from "../worker/worker.ts?worker&url";
import {
  DEFAULT_BUDGET,
  PROTOCOL_VERSION,
  type FromWorker,
  type RunId,
  type RunnerEvent,
  type RunOptions,
  type StopRung,
  type ToWorker,
} from "../protocol/messages";
import { parseFromWorker, parseSnapshotReport } from "../protocol/validate";
import { FLUSH_BUDGET_MS, FLUSH_CHUNK_ROWS, mergeTraceBatches, takeRows, type TraceMessage } from "./mergeTraceBatches";
import { SparePool } from "./sparePool";

export interface RunnerOptions {
  /** Where Pyodide's runtime files are served, ending in "/". Defaults to `pyodide/` beside the page. */
  readonly pyodideUrl?: string;
}

/** How long Stop waits for an interrupted program to end before terminating its worker. */
export const INTERRUPT_GRACE_MS = 600;
/** How often the interrupt is raised again during the grace period (a program may swallow it). */
const INTERRUPT_REARM_MS = 100;
/** SIGINT, as Pyodide's interrupt buffer expects it. */
const SIGINT = 2;
/**
 * Booted interpreters kept waiting. Two make back-to-back runs start at once (each costs ~30–60 MB
 * of wasm heap while it waits); one boots at a time.
 */
export const SPARE_CAPACITY = 2;
/** A spare that has not booted by then is treated as failed (a 2-core machine under load boots in 10–40 s). */
export const BOOT_TIMEOUT_MS = 120_000;
/** How long the page waits, idle with a full pool, before it boots the snapshot maker. */
export const MAKER_IDLE_MS = 3000;
/** What a spare that has not reported yet is doing. */
const JUST_STARTED: FromWorker = { type: "progress", stage: "Starting Python", fraction: 0 };
/** Boot failures in a row tried again before the page is told the runtime cannot load. */
const BOOT_RETRIES = 1;

/** One worker and its private channel. */
interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly interrupt: Int32Array | undefined;
  /** The last runtime report (progress / ready / bootFailed), replayed when this slot becomes the spare on show. */
  lastStatus: FromWorker | undefined;
  ready: boolean;
  bootTimer: ReturnType<typeof setTimeout> | undefined;
}

interface ActiveRun {
  readonly slot: Slot;
  readonly runId: RunId;
  readonly wallClockS: number;
  wallTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once Stop (or the wall-clock budget) asked the run to end. */
  stopping: { readonly reason: "user" | "wall-clock"; readonly timers: ReturnType<typeof setTimeout>[] } | undefined;
}

/** The blob: bootstrap: queue messages until the real worker module has set its handler. */
function bootstrapSource(bundleUrl: string): string {
  return [
    "const queued = [];",
    "self.onmessage = (event) => { queued.push(event); };",
    `import(${JSON.stringify(bundleUrl)}).then(() => {`,
    "  const handler = self.onmessage;",
    "  for (const event of queued) if (handler) handler.call(self, event);",
    "}, (error) => { setTimeout(() => { throw new Error('could not load the Python worker: ' + error); }); });",
  ].join("\n");
}

function createPythonWorker(): Worker {
  const bundle = new URL(workerBundleUrl, document.baseURI).href;
  const blobUrl = URL.createObjectURL(new Blob([bootstrapSource(bundle)], { type: "text/javascript" }));
  const worker = new Worker(blobUrl, { type: "module", name: "taskline-python" });
  // The worker fetches its script asynchronously; give it time before releasing the URL.
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  return worker;
}

function createInterruptBuffer(): Int32Array | undefined {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return isolated && typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
}

/** Satisfies the store's RunnerPort (structurally: the runner does not import the store). */
export class RunnerClient {
  private readonly pyodideUrl: string;
  /** Fresh interpreters waiting for a Run (booting or ready). */
  private readonly spares = new SparePool<Slot>(SPARE_CAPACITY);
  /** The spare whose boot the page was last told about. */
  private shown: Slot | undefined;
  private bootFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private active: ActiveRun | undefined;
  /** The snapshot maker while it boots; `makerStarted` is set once one reported (one per page load). */
  private maker: { readonly worker: Worker; readonly port: MessagePort; readonly timer: ReturnType<typeof setTimeout> } | undefined;
  private makerStarted = false;
  /** Set once a spare booted in full: a snapshot should be made when the page is idle. */
  private snapshotWanted = false;
  private makerTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingTraces: TraceMessage[] = [];
  private flushScheduled = false;
  /** What waits for the pending traces to be applied (a run's end, a stop's outcome), in order. */
  private afterDrain: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly onMessage: (msg: RunnerEvent) => void,
    options: RunnerOptions = {},
  ) {
    this.pyodideUrl = options.pyodideUrl ?? new URL("pyodide/", document.baseURI).href;
    this.refill();
  }

  /** Whether Stop can interrupt Python (the page is cross-origin isolated) or must terminate. */
  get canInterrupt(): boolean {
    return createInterruptBuffer() !== undefined;
  }

  run(runId: RunId, source: string, options: RunOptions): void {
    if (this.active !== undefined) this.finishActive("terminate");
    this.flushAll(); // the last run's rows and end first, however far behind the page was
    const slot = this.spares.takeReady();
    const wallClockS = validWallClock(options.budget.wallClockS);
    const active: ActiveRun | undefined = slot === undefined ? undefined : { slot, runId, wallClockS, wallTimer: undefined, stopping: undefined };
    this.active = active; // before any refill: a replacement waits for the run if a spare is left
    // Not idle any more: the maker gives way (its countdown restarts once the pool is full again).
    if (this.makerTimer !== undefined) clearTimeout(this.makerTimer);
    this.makerTimer = undefined;
    if (this.maker !== undefined) this.endMaker(undefined);
    this.refill();
    this.publishReadySpares();
    if (active === undefined) {
      // The store only runs on a ready runtime; should that ever be wrong, say so instead of hanging.
      this.onMessage({ type: "crashed", reason: "fatal", message: "no Python runtime was ready yet" });
      this.announceSpare();
      return;
    }
    active.wallTimer = setTimeout(() => this.halt("wall-clock"), wallClockS * 1000);
    this.post(active.slot, { type: "run", runId, source, options });
    this.announceSpare();
  }

  /** Stops the current run: interrupt first when possible, terminate otherwise. */
  stop(): void {
    this.halt("user");
    this.announceSpare();
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    if (this.makerTimer !== undefined) clearTimeout(this.makerTimer);
    if (this.active !== undefined) this.retire(this.active);
    for (const slot of this.spares.all()) this.discard(slot);
    this.endMaker(undefined);
  }

  /**
   * Boots another spare when the pool wants one (one at a time, up to SPARE_CAPACITY). While a run
   * is going and another spare waits, the replacement waits for the run to end: booting Python
   * beside it would take a core from the run and from the page that draws it (on 2 cores, the
   * page's tasks waited for one), and the next Run has the waiting spare anyway.
   */
  private refill(): void {
    if (this.disposed || this.retryTimer !== undefined || !this.spares.wantsAnotherBeside(this.maker !== undefined)) return;
    if (this.active !== undefined && this.spares.size > 0) return; // retire() calls again
    this.spares.add(this.startWorker());
  }

  private halt(reason: "user" | "wall-clock"): void {
    const active = this.active;
    if (active === undefined || active.stopping !== undefined) return;
    if (active.wallTimer !== undefined) clearTimeout(active.wallTimer);
    const interrupt = active.slot.interrupt;
    if (interrupt === undefined) {
      active.stopping = { reason, timers: [] };
      this.finishActive("terminate");
      return;
    }
    const timers: ReturnType<typeof setTimeout>[] = [];
    active.stopping = { reason, timers };
    Atomics.store(interrupt, 0, SIGINT);
    for (let ms = INTERRUPT_REARM_MS; ms < INTERRUPT_GRACE_MS; ms += INTERRUPT_REARM_MS) {
      timers.push(setTimeout(() => Atomics.store(interrupt, 0, SIGINT), ms));
    }
    timers.push(setTimeout(() => this.active === active && this.finishActive("terminate"), INTERRUPT_GRACE_MS));
  }

  /** Ends the active run's worker and, if it was being stopped, reports which rung did it. */
  private finishActive(rung: StopRung): void {
    const active = this.active;
    if (active === undefined) return;
    this.retire(active);
    const stopping = active.stopping;
    if (stopping !== undefined) {
      // Its last rows still count (the store is draining): the outcome follows them.
      // The spare is announced after the outcome: a run cut short makes the store expect a reboot,
      // so an announcement before a deferred outcome would be overwritten, and the next Run would
      // wait in "starting" beside a ready spare.
      this.drainThen(() => {
        this.onMessage({ type: "stopOutcome", runId: active.runId, reason: stopping.reason, rung, wallClockS: active.wallClockS });
        this.announceSpare();
      });
    }
  }

  private retire(active: ActiveRun): void {
    if (active.wallTimer !== undefined) clearTimeout(active.wallTimer);
    for (const timer of active.stopping?.timers ?? []) clearTimeout(timer);
    active.slot.port.onmessage = null;
    active.slot.worker.terminate();
    if (this.active === active) this.active = undefined;
    this.refill(); // the replacement deferred while the run went on
  }

  /**
   * Tells the store about the front spare (the one the next Run takes) when it changed, or again
   * after a stop or crash (the store then expects a reboot).
   */
  private announceSpare(): void {
    const front = this.spares.front;
    this.shown = front;
    // A spare that has not reported yet is booting all the same: the page must not think the
    // spare before it (just taken by a run) is still there.
    if (front !== undefined) this.onMessage(front.lastStatus ?? JUST_STARTED);
  }

  /**
   * How many booted spares wait, as `data-ready-spares` on <html>: for automation (tests wait for
   * a full pool before timing back-to-back runs) and for a curious person in devtools.
   */
  private publishReadySpares(): void {
    if (typeof document === "undefined") return;
    document.documentElement.dataset.readySpares = String(this.spares.all().filter((s) => this.spares.isReady(s)).length);
  }

  private discard(slot: Slot): void {
    if (slot.bootTimer !== undefined) clearTimeout(slot.bootTimer);
    slot.port.onmessage = null;
    slot.worker.terminate();
    this.spares.remove(slot);
    this.publishReadySpares();
  }

  /** A spare could not boot: try once more after a pause, then tell the page. */
  private bootFailed(slot: Slot, message: string): void {
    this.discard(slot);
    this.bootFailures++;
    if (this.bootFailures <= BOOT_RETRIES && !this.disposed) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.refill();
        this.announceSpare();
      }, 1000);
      return;
    }
    if (this.spares.size === 0 || this.spares.front === this.shown) this.onMessage({ type: "bootFailed", message });
    else this.announceSpare();
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.port.postMessage(message);
  }

  /** Starts the idle countdown to the snapshot maker, when one is wanted and the pool is full. */
  private scheduleMaker(): void {
    if (this.makerTimer !== undefined || !this.snapshotWanted || this.makerStarted || this.disposed) return;
    if (this.active !== undefined || !this.spares.full) return;
    this.makerTimer = setTimeout(() => {
      this.makerTimer = undefined;
      if (this.active === undefined && this.spares.full) this.startMaker();
    }, MAKER_IDLE_MS);
  }

  /** Boots the one snapshot maker of this page load (see the header). */
  private startMaker(): void {
    if (this.makerStarted || this.maker !== undefined || this.disposed) return;
    const worker = createPythonWorker();
    const channel = new MessageChannel();
    const timer = setTimeout(() => this.endMaker("failed"), BOOT_TIMEOUT_MS);
    this.maker = { worker, port: channel.port1, timer };
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const report = parseSnapshotReport(event.data);
      if (report !== undefined) this.endMaker(report.outcome);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.endMaker("failed");
    };
    const init: ToWorker = { type: "init", protocolVersion: PROTOCOL_VERSION, pyodideUrl: this.pyodideUrl, port: channel.port2, role: "snapshot-maker" };
    worker.postMessage(init, [channel.port2]);
    this.publish("pythonSnapshot", "making");
  }

  private endMaker(outcome: "stored" | "present" | "failed" | undefined): void {
    const maker = this.maker;
    if (maker === undefined) return;
    this.maker = undefined;
    clearTimeout(maker.timer);
    maker.port.onmessage = null;
    maker.worker.terminate();
    if (outcome !== undefined) {
      this.makerStarted = true;
      this.publish("pythonSnapshot", outcome);
    } else if (typeof document !== "undefined") {
      delete document.documentElement.dataset.pythonSnapshot; // gave way to a Run; tried again when idle
    }
    this.refill();
  }

  private publish(name: "pythonSnapshot" | "pythonBoot", value: string): void {
    if (typeof document !== "undefined") document.documentElement.dataset[name] = value;
  }

  private startWorker(): Slot {
    const worker = createPythonWorker();
    const channel = new MessageChannel();
    const slot: Slot = { worker, port: channel.port1, interrupt: createInterruptBuffer(), lastStatus: undefined, ready: false, bootTimer: undefined };
    slot.bootTimer = setTimeout(() => {
      if (!slot.ready && this.spares.has(slot)) this.bootFailed(slot, `the Python runtime did not start within ${BOOT_TIMEOUT_MS / 1000} s`);
    }, BOOT_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => this.receive(slot, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.workerDied(slot, event.message || "The Python worker stopped unexpectedly.");
    };
    const init: ToWorker = {
      type: "init",
      protocolVersion: PROTOCOL_VERSION,
      pyodideUrl: this.pyodideUrl,
      port: channel.port2,
      ...(slot.interrupt !== undefined && { interruptBuffer: slot.interrupt }),
    };
    worker.postMessage(init, [channel.port2]);
    return slot;
  }

  private receive(slot: Slot, data: unknown): void {
    const message = parseFromWorker(data);
    if (message === undefined) {
      console.warn("Taskline: dropped a malformed message from the Python worker");
      return;
    }
    const active = this.active;
    if (active !== undefined && slot === active.slot) return this.receiveFromRun(active, message);
    if (!this.spares.has(slot)) return; // a retired worker's leftovers
    switch (message.type) {
      case "progress":
        slot.lastStatus = message;
        if (slot === this.shown || this.shown === undefined) this.announceSpare();
        return;
      case "ready": {
        if (slot.ready) return;
        slot.lastStatus = message;
        slot.ready = true;
        if (slot.bootTimer !== undefined) clearTimeout(slot.bootTimer);
        this.bootFailures = 0;
        this.spares.markReady(slot);
        this.publishReadySpares();
        this.publish("pythonBoot", message.bootedFrom ?? "fresh");
        if (this.spares.front === slot) this.announceSpare();
        // A full boot means no valid snapshot is stored: make one once the page is idle.
        if (message.bootedFrom !== "snapshot") this.snapshotWanted = true;
        this.refill();
        return this.scheduleMaker();
      }
      case "bootFailed":
        return this.bootFailed(slot, message.message);
      case "crashed":
        return this.workerDied(slot, message.message);
      default:
        return; // a spare has no run: anything run-scoped is forged or stale
    }
  }

  private receiveFromRun(active: ActiveRun, message: FromWorker): void {
    switch (message.type) {
      case "trace":
        if (message.runId !== active.runId) return;
        this.pendingTraces.push(message);
        return this.scheduleFlush();
      case "runEnded":
        if (message.runId !== active.runId) return;
        if (active.stopping !== undefined) return this.finishActive("interrupt");
        this.retire(active);
        return this.drainThen(() => this.onMessage(message));
      case "crashed":
        if (active.stopping !== undefined) return this.finishActive("interrupt");
        this.retire(active);
        this.flushAll();
        this.onMessage(message);
        return this.announceSpare();
      default:
        return; // progress / ready / bootFailed from a worker that is running: ignore
    }
  }

  private workerDied(slot: Slot, message: string): void {
    const active = this.active;
    if (active !== undefined && slot === active.slot) {
      if (active.stopping !== undefined) return this.finishActive("terminate");
      this.retire(active);
      this.flushAll();
      this.onMessage({ type: "crashed", reason: "fatal", message });
      return this.announceSpare();
    }
    if (!this.spares.has(slot)) return;
    if (slot.ready) {
      // A booted spare died between runs (e.g. the browser reclaimed memory): boot another.
      this.discard(slot);
      this.refill();
      this.onMessage({ type: "crashed", reason: "fatal", message });
      this.announceSpare();
      return;
    }
    this.bootFailed(slot, message);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const flush = (budgetMs = FLUSH_BUDGET_MS) => {
      if (!this.flushScheduled) return;
      this.flushTraces(budgetMs);
    };
    // Once per frame, but in a task of its own right after the frame's rendering, not inside it:
    // the frame already paints the swimlane, the editor and the rest, and one task doing both
    // would be as long as their sum.
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => afterThisTask(flush));
    // Hidden tabs get no animation frames, and timers at most once a second: there, with no frame
    // to keep smooth, everything pending is folded at once.
    setTimeout(() => flush(globalThis.document?.visibilityState === "hidden" ? Infinity : FLUSH_BUDGET_MS), 100);
  }

  /**
   * Applies pending trace batches, FLUSH_CHUNK_ROWS rows at a time, for at most `budgetMs` (the
   * rest in the next frame), then, once none are left, what waited for them.
   */
  private flushTraces(budgetMs = FLUSH_BUDGET_MS): void {
    this.flushScheduled = false;
    const started = performance.now();
    while (this.pendingTraces.length > 0) {
      const pending = this.pendingTraces;
      const runId = this.active?.runId ?? pending[pending.length - 1]!.runId;
      const { now, rest } = takeRows(
        pending.filter((m) => m.runId === runId),
        budgetMs === Infinity ? Infinity : FLUSH_CHUNK_ROWS,
      );
      this.pendingTraces = [...rest];
      const merged = mergeTraceBatches(now);
      if (merged !== undefined) this.onMessage(merged);
      if (rest.length > 0 && performance.now() - started >= budgetMs) return this.scheduleFlush();
    }
    const waiting = this.afterDrain;
    this.afterDrain = [];
    for (const then of waiting) then();
  }

  /** Applies every pending batch now, and what waited for them. */
  private flushAll(): void {
    this.flushTraces(Infinity);
  }

  /** Runs `then` once the pending traces are applied (at once if there are none). */
  private drainThen(then: () => void): void {
    this.afterDrain.push(then);
    if (this.pendingTraces.length === 0 && !this.flushScheduled) return this.flushTraces();
    this.scheduleFlush();
  }
}

/** Callbacks waiting for their task (see afterThisTask), and the channel that posts it. */
const queuedTasks: (() => void)[] = [];
let taskChannel: MessageChannel | undefined;

/** Runs `then` in a task of its own, queued now (a message to itself, which no timer clamp delays). */
function afterThisTask(then: () => void): void {
  if (taskChannel === undefined) {
    taskChannel = new MessageChannel();
    taskChannel.port1.onmessage = () => queuedTasks.shift()?.();
  }
  queuedTasks.push(then);
  taskChannel.port2.postMessage(undefined);
}

function validWallClock(seconds: number | undefined): number {
  const s = seconds ?? DEFAULT_BUDGET.wallClockS ?? 20;
  return Number.isFinite(s) && s > 0 ? Math.min(s, 24 * 3600) : 20;
}
