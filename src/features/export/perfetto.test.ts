import { describe, expect, it } from "vitest";
import { openInPerfetto, PERFETTO_ORIGIN, type OpenedWindow, type PerfettoEnv } from "./perfetto";

const TRACE = { buffer: new TextEncoder().encode('{"traceEvents":[]}').buffer, title: "Taskline run", fileName: "taskline-trace.json" };

/** A fake browser: one pop-up that records what it is sent, manual timers and clock. */
function fakeEnv(options: { isolated?: boolean; popup?: "ok" | "blocked" | "cut-off" } = {}) {
  const sent: { message: unknown; origin: string }[] = [];
  const popup: OpenedWindow & { closed: boolean } = {
    closed: options.popup === "cut-off",
    postMessage: (message, origin) => void sent.push({ message, origin }),
  };
  let listener: ((event: { source: unknown; origin: string; data: unknown }) => void) | undefined;
  let tick: (() => void) | undefined;
  let now = 0;
  const opened: string[] = [];
  const env: PerfettoEnv = {
    crossOriginIsolated: options.isolated ?? false,
    open: (url) => {
      opened.push(url);
      return options.popup === "blocked" ? null : popup;
    },
    onMessage: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
    setInterval: (callback) => (tick = callback),
    clearInterval: () => (tick = undefined),
    nowMs: () => now,
  };
  return {
    env,
    sent,
    popup,
    opened,
    message: (data: unknown, source: unknown = popup, origin = PERFETTO_ORIGIN) => listener?.({ source, origin, data }),
    advance: (ms: number) => {
      now += ms;
      tick?.();
    },
    isListening: () => listener !== undefined,
  };
}

describe("Open in Perfetto", () => {
  it("pings until Perfetto answers PONG, then posts the trace to Perfetto's origin", async () => {
    const fake = fakeEnv();
    const outcome = openInPerfetto(TRACE, fake.env);
    fake.advance(250);
    expect(fake.opened).toEqual([PERFETTO_ORIGIN]);
    expect(fake.sent.map((s) => s.message)).toEqual(["PING", "PING"]);
    fake.message("PONG");
    await expect(outcome).resolves.toBe("sent");
    expect(fake.sent.at(-1)).toEqual({ message: { perfetto: TRACE }, origin: PERFETTO_ORIGIN });
    expect(fake.isListening()).toBe(false);
  });

  it("ignores PONGs from other windows and other origins", async () => {
    const fake = fakeEnv();
    const outcome = openInPerfetto(TRACE, fake.env);
    fake.message("PONG", {});
    fake.message("PONG", fake.popup, "https://evil.example");
    fake.message("hello");
    expect(fake.sent.every((s) => s.message === "PING")).toBe(true);
    fake.message("PONG");
    await expect(outcome).resolves.toBe("sent");
  });

  it("does not open a window on a cross-origin isolated page", async () => {
    const fake = fakeEnv({ isolated: true });
    await expect(openInPerfetto(TRACE, fake.env)).resolves.toBe("isolated");
    expect(fake.opened).toEqual([]);
  });

  it("reports a blocked pop-up and a window the opener policy cut off", async () => {
    await expect(openInPerfetto(TRACE, fakeEnv({ popup: "blocked" }).env)).resolves.toBe("blocked");
    await expect(openInPerfetto(TRACE, fakeEnv({ popup: "cut-off" }).env)).resolves.toBe("cut-off");
  });

  it("stops when the window is closed or never answers", async () => {
    const closing = fakeEnv();
    const closed = openInPerfetto(TRACE, closing.env);
    closing.popup.closed = true;
    closing.advance(250);
    await expect(closed).resolves.toBe("closed");

    const silent = fakeEnv();
    const timeout = openInPerfetto(TRACE, silent.env);
    silent.advance(61_000);
    await expect(timeout).resolves.toBe("timeout");
  });
});
