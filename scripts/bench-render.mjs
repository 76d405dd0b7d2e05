// npm run bench:render — how the swimlane copes with a big run, in the built app in headless Chromium.
//
// Builds nothing: it serves the `npm run build` output (dist/, or BENCH_DIST) with `vite preview`
// on its own port, opens it with Playwright, runs 10,000 tasks × 100 `await asyncio.sleep(0)`
// (1M steps) and measures, while the trace streams in, the longest main-thread task
// (PerformanceObserver 'longtask') and the longest gap between animation frames. Then it scripts
// zooms (W/S, Ctrl+wheel), pans (A/D, drag) and vertical scrolls over the finished run and reports
// per-frame main-thread work (the event handler plus the swimlane's paint, measured in the page)
// and the interval between frames. Prints a table. A benchmark, not a test: it never fails on a
// missed target, it reports it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium } from "@playwright/test";
import LZString from "lz-string";

const DIST = resolve(process.env.BENCH_DIST ?? "dist");
const PORT = Number(process.env.BENCH_PORT ?? 4399);
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const STEPS = Number(process.env.BENCH_STEPS ?? 100);
const FRAMES = 240;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

const PROGRAM = `import asyncio

async def worker():
    for _ in range(${STEPS}):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*(worker() for _ in range(${TASKS})))

asyncio.run(main())
`;

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`bench:render: no build in ${DIST}; run \`npm run build\` first.`);
  process.exit(2);
}

/** Starts `vite preview` on PORT and resolves once it answers. */
async function startPreview() {
  const child = spawn("npx", ["vite", "preview", "--outDir", DIST, "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}

const pct = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "n/a");

const { child, url } = await startPreview();
const browser = await chromium.launch({
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Collect long tasks and rAF gaps from the first moment; the bench reads them later.
  await page.addInitScript(() => {
    const w = window;
    w.__bench = { longTasks: [], gaps: [], recording: false };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__bench.recording) w.__bench.longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
    let last = 0;
    const tick = (t) => {
      if (w.__bench.recording && last !== 0) w.__bench.gaps.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`${url}#code/${LZString.compressToEncodedURIComponent(PROGRAM)}&clock=ideal`);
  const status = page.getByTestId("run-status");
  await status.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 120_000 });

  // 1. Streaming.
  await page.evaluate(() => {
    window.__bench.recording = true;
  });
  const started = Date.now();
  await page.getByTestId("run").click();
  await page.locator('[data-testid=run-status]:not([data-state="running"]):not([data-state="ready"])').waitFor({ timeout: 600_000 });
  const runWallS = (Date.now() - started) / 1000;
  await page.waitForTimeout(500);
  const streaming = await page.evaluate(() => {
    const b = window.__bench;
    b.recording = false;
    const out = { longTasks: b.longTasks.slice(), gaps: b.gaps.slice() };
    b.longTasks.length = 0;
    b.gaps.length = 0;
    return out;
  });
  const endState = [await status.getAttribute("data-state"), await status.getAttribute("data-reason")].filter(Boolean).join(": ");
  const summary = page.getByTestId("run-summary");
  const steps = Number(await summary.getAttribute("data-steps"));
  const lanes = Number(await page.getByTestId("swimlane").getAttribute("data-lanes"));
  const heap = await page.evaluate(() => {
    const m = performance.memory;
    return m === undefined ? NaN : m.usedJSHeapSize;
  });

  // 2. Interaction: one scripted action per frame, dispatched inside the page so Playwright's
  //    round trips do not count; per-frame work = the action's handler + the paint it schedules.
  const box = await page.getByTestId("swimlane").boundingBox();
  const interaction = await page.evaluate(
    async ({ frames, box }) => {
      const area = document.querySelector("[data-testid=swimlane]");
      area.focus();
      const key = (k) => area.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
      const cx = box.x + box.width * 0.6;
      const cy = box.y + box.height * 0.5;
      const wheel = (dy, ctrl) =>
        area.dispatchEvent(new WheelEvent("wheel", { deltaY: dy, ctrlKey: ctrl, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
      const drag = (phase, x) =>
        area.dispatchEvent(new MouseEvent(phase, { clientX: x, clientY: cy, button: 0, buttons: phase === "mouseup" ? 0 : 1, bubbles: true, cancelable: true, view: window }));
      const script = [];
      for (let i = 0; i < 12; i++) script.push(() => key("w"));
      for (let i = 0; i < 20; i++) script.push(() => key(i % 2 === 0 ? "d" : "a"));
      for (let i = 0; i < 20; i++) script.push(() => wheel(i < 10 ? -120 : 120, true));
      script.push(() => drag("mousedown", cx));
      for (let i = 0; i < 30; i++) script.push(() => window.dispatchEvent(new MouseEvent("mousemove", { clientX: cx - i * 8, clientY: cy, buttons: 1, view: window })));
      script.push(() => window.dispatchEvent(new MouseEvent("mouseup", { clientX: cx - 240, clientY: cy, view: window })));
      for (let i = 0; i < 40; i++) script.push(() => (area.scrollTop += i < 20 ? 2400 : -1200));
      for (let i = 0; i < 12; i++) script.push(() => key("s"));
      script.push(() => key("f"));
      // Per frame: from the frame's start to a message posted from its rAF callback, which runs
      // after that frame's rendering update (all rAF callbacks incl. the swimlane's paint, style,
      // layout, paint). The frame's scripted action runs inside it, so each frame counts one
      // action plus the repaint of the previous one: the steady cost of continuous interaction.
      const work = [];
      const intervals = [];
      const channel = new MessageChannel();
      let frameStart = 0;
      channel.port1.onmessage = () => work.push(performance.now() - frameStart);
      let last = 0;
      await new Promise((done) => {
        let i = 0;
        const frame = (t) => {
          frameStart = performance.now();
          if (last !== 0) intervals.push(t - last);
          last = t;
          if (i >= frames) return done();
          script[i % script.length]();
          i++;
          channel.port2.postMessage(0);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return { work, intervals };
    },
    { frames: FRAMES, box },
  );
  const rows = [
    ["run", `${TASKS.toLocaleString("en")} tasks × ${STEPS} sleep(0), ideal clock`, ""],
    ["run ended as", `${endState}, ${steps.toLocaleString("en")} steps, ${lanes.toLocaleString("en")} lanes, ${runWallS.toFixed(1)} s wall`, ""],
    ["longest main-thread task while streaming", ms(Math.max(0, ...streaming.longTasks)), "≤ 50 ms"],
    ["long tasks (> 50 ms) while streaming", `${streaming.longTasks.length}, total ${ms(streaming.longTasks.reduce((a, b) => a + b, 0))}`, ""],
    ["longest gap between frames while streaming", ms(Math.max(0, ...streaming.gaps)), ""],
    ["p95 frame interval, scripted pan/zoom/scroll", ms(pct(interaction.intervals, 95)), "≤ 16.7 ms (vsync)"],
    ["p95 main-thread work per frame", ms(pct(interaction.work, 95)), "≤ 16 ms"],
    ["median frame work", ms(pct(interaction.work, 50)), ""],
    ["JS heap after the run", Number.isFinite(heap) ? `${(heap / 1e6).toFixed(0)} MB, ${(heap / Math.max(1, steps)).toFixed(0)} B/step (whole page)` : "n/a", "trace ≤ 16 B/step"],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\nbench:render — ${url} (${DIST})\n`);
  console.log(`${"measure".padEnd(w0)}  ${"value".padEnd(w1)}  target`);
  console.log(`${"-".repeat(w0)}  ${"-".repeat(w1)}  ------`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
} finally {
  await browser.close();
  child.kill();
}
