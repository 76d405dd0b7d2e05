/**
 * "Open in Perfetto": opens ui.perfetto.dev in a new window and hands it the trace with Perfetto's
 * documented postMessage protocol (docs/visualization/deep-linking-to-perfetto-ui): post 'PING'
 * until the window answers 'PONG', then post `{perfetto: {buffer, title, fileName}}`.
 *
 * A page served with `Cross-Origin-Opener-Policy: same-origin` (as `vite preview` and the hosting
 * headers in the README do) cannot talk to a cross-origin window it opens: the handle comes back
 * closed. Such pages are told so up front (`crossOriginIsolated`) and point to the JSON download.
 * Browser APIs come in as a {@link PerfettoEnv}, so the handshake is unit-tested.
 */

export const PERFETTO_ORIGIN = "https://ui.perfetto.dev";
/** How often to PING while Perfetto loads. */
const PING_MS = 250;
/** Give up when Perfetto has not answered by then (a slow network still loads it in ~10 s). */
const GIVE_UP_MS = 60_000;

/** The part of a `Window` opened by `window.open` that the handshake uses. */
export interface OpenedWindow {
  readonly closed: boolean;
  postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]): void;
}

export interface PerfettoEnv {
  /** `window.crossOriginIsolated`: true under COOP + COEP, where the opened window cannot be reached. */
  readonly crossOriginIsolated: boolean;
  readonly open: (url: string) => OpenedWindow | null;
  /** Subscribes to this window's `message` events; returns an unsubscribe. */
  readonly onMessage: (listener: (event: { readonly source: unknown; readonly origin: string; readonly data: unknown }) => void) => () => void;
  readonly setInterval: (callback: () => void, ms: number) => unknown;
  readonly clearInterval: (handle: unknown) => void;
  readonly nowMs: () => number;
}

export interface PerfettoTrace {
  /** The Chrome trace JSON as bytes. */
  readonly buffer: ArrayBuffer;
  /** Shown in Perfetto's title bar. */
  readonly title: string;
  readonly fileName: string;
}

/**
 * How it went: `sent` (Perfetto has the trace), `isolated` (this page's headers forbid talking to
 * the window; nothing was opened), `blocked` (the browser blocked the pop-up), `cut-off` (the
 * window opened but the page's opener policy cut the link), `closed` (closed before it answered),
 * `timeout` (never answered).
 */
export type PerfettoOutcome = "sent" | "isolated" | "blocked" | "cut-off" | "closed" | "timeout";

/** Why Open in Perfetto cannot work on this page before even trying, if it cannot. */
export function perfettoUnavailable(env: Pick<PerfettoEnv, "crossOriginIsolated">): "isolated" | undefined {
  return env.crossOriginIsolated ? "isolated" : undefined;
}

export function openInPerfetto(trace: PerfettoTrace, env: PerfettoEnv): Promise<PerfettoOutcome> {
  if (perfettoUnavailable(env) !== undefined) return Promise.resolve("isolated");
  const handle = env.open(PERFETTO_ORIGIN);
  if (handle === null) return Promise.resolve("blocked");
  if (handle.closed) return Promise.resolve("cut-off");
  const startedMs = env.nowMs();
  return new Promise((resolve) => {
    let timer: unknown;
    const finish = (outcome: PerfettoOutcome) => {
      env.clearInterval(timer);
      unsubscribe();
      resolve(outcome);
    };
    const unsubscribe = env.onMessage((event) => {
      // Only Perfetto's own window may ask for the trace.
      if (event.source !== handle || event.origin !== PERFETTO_ORIGIN || event.data !== "PONG") return;
      handle.postMessage({ perfetto: { buffer: trace.buffer, title: trace.title, fileName: trace.fileName } }, PERFETTO_ORIGIN);
      finish("sent");
    });
    const ping = () => {
      if (handle.closed) return finish("closed");
      if (env.nowMs() - startedMs > GIVE_UP_MS) return finish("timeout");
      try {
        handle.postMessage("PING", PERFETTO_ORIGIN);
      } catch {
        // Still on about:blank or mid-navigation: the next PING will reach it.
      }
    };
    timer = env.setInterval(ping, PING_MS);
    ping();
  });
}

/** The real browser's window, timers and clock. */
export function browserPerfettoEnv(): PerfettoEnv {
  return {
    crossOriginIsolated: window.crossOriginIsolated === true,
    open: (url) => window.open(url, "_blank"),
    onMessage: (listener) => {
      const handle = (event: MessageEvent) => listener(event);
      window.addEventListener("message", handle);
      return () => window.removeEventListener("message", handle);
    },
    setInterval: (callback, ms) => window.setInterval(callback, ms),
    clearInterval: (handle) => window.clearInterval(handle as number),
    nowMs: () => Date.now(),
  };
}
