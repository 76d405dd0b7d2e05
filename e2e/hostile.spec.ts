/**
 * Hostile and faulty programs, one after another on ONE page (booting Python per page is the
 * expensive part), against the production build served two ways: with isolation headers (vite
 * preview: COOP/COEP/CSP, so Stop can interrupt Python; project "isolated") and by a plain static
 * server that sends no headers at all (project "chromium": only the <meta> CSP and the blob worker
 * protect).
 * Every program: the end state and message, the page stays responsive while it runs (the main
 * thread answers, the editor takes typing), the editor content is what was loaded, and the next
 * program (a fresh interpreter) runs normally.
 */
import LZString from "lz-string";
import { expect, Playground, test } from "./fixtures";
import { startRecordingServer } from "./support/recording-server";

interface Expectation {
  readonly state: "done" | "error" | "stopped" | "crashed" | RegExp;
  readonly reason?: string | RegExp;
  readonly text?: RegExp;
  /** Press Stop once the run is going (and check it answers within 200 ms). */
  readonly stop?: boolean;
  readonly console?: (lines: string[]) => void;
  /** The summary's "Trace incomplete" marker: its data-reason, or null for a whole trace. */
  readonly incomplete?: string | null;
}

/** Loads `source` through a #code link on the same page (no reload) and checks the editor shows it. */
async function load(pg: Playground, source: string): Promise<void> {
  await pg.page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#code/${LZString.compressToEncodedURIComponent(source)}`);
  await expect.poll(() => pg.source()).toBe(source);
}

/** How long the page's main thread takes to answer a task, in ms. */
async function mainThreadLatencyMs(pg: Playground): Promise<number> {
  return pg.page.evaluate(() => new Promise<number>((resolve) => {
    const t0 = performance.now();
    setTimeout(() => resolve(performance.now() - t0), 0);
  }));
}

async function runHostile(pg: Playground, source: string, want: Expectation): Promise<void> {
  const { page } = pg;
  const draftBefore = await savedDraft(pg);
  await load(pg, source);
  // A spare interpreter is ready (Run is enabled sooner: it would wait in "starting" for one).
  await expect(page.locator("html")).toHaveAttribute("data-ready-spares", /^[1-9]/, { timeout: 45_000 });
  await page.getByTestId("run").click();
  if (want.stop === true) {
    await expect(pg.status).toHaveAttribute("data-state", "running");
    await page.waitForTimeout(300); // let it get into its loop
    expect(await mainThreadLatencyMs(pg)).toBeLessThan(200);
    // The editor takes typing while Python runs; undo leaves the program as it was.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("#");
    await expect.poll(() => pg.source()).toBe(`${source}#`);
    await page.keyboard.press("Backspace");
    await expect.poll(() => pg.source()).toBe(source);
    const [stopMs, stateAfter] = await page.evaluate(async () => {
      const t0 = performance.now();
      (document.querySelector("[data-testid=stop]") as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
      return [performance.now() - t0, document.querySelector("[data-testid=run-status]")?.getAttribute("data-state")] as const;
    });
    // The click is handled at once (main-thread latency above < 200 ms); the status, with the
    // re-render of every panel and the worker terminated on a loaded 2-core machine, follows within 2 s.
    expect(stopMs).toBeLessThan(2000);
    expect(stateAfter).toBe("stopped");
  }
  await expect(pg.status).toHaveAttribute("data-state", /^(done|error|stopped|crashed)$/, { timeout: 45_000 });
  expect(await mainThreadLatencyMs(pg)).toBeLessThan(200);
  await expect(pg.status).toHaveAttribute("data-state", want.state);
  if (want.reason !== undefined) await expect(pg.status).toHaveAttribute("data-reason", want.reason);
  if (want.text !== undefined) await expect(pg.status).toContainText(want.text);
  want.console?.(await pg.consoleText());
  if (want.incomplete === null) await expect(page.getByTestId("trace-incomplete")).toHaveCount(0);
  else if (want.incomplete !== undefined) {
    await expect(page.getByTestId("trace-incomplete")).toHaveAttribute("data-reason", want.incomplete);
    await expect(page.getByTestId("trace-incomplete")).toContainText("Trace incomplete");
  }
  expect(await pg.source()).toBe(source);
  // A link's program is not the person's draft: autosave never saw any of this.
  expect(await savedDraft(pg)).toBe(draftBefore);
}

async function savedDraft(pg: Playground): Promise<string | null> {
  return pg.page.evaluate(() => localStorage.getItem("taskline.draft.v1"));
}

test("hostile programs end as described, leave the page usable, and never reach out", async ({ playground: pg, page }, testInfo) => {
  test.setTimeout(240_000);
  const isolated = testInfo.project.name === "isolated";
  const recorder = await startRecordingServer();
  try {
    await pg.openWithCode('print("warm")\n');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated);
    // Lower the real-time limit (the settings popover, remembered in this browser) so runaways end fast.
    await page.getByTestId("run-settings").locator("summary").click();
    await page.getByTestId("budget-wallClockS").fill("6");
    await page.getByTestId("budget-maxSteps").fill("20000");
    await page.getByTestId("budget-maxOutputBytes").fill("300000");
    await page.getByTestId("budget-maxTasks").fill("2000");
    await page.getByTestId("run-settings").locator("summary").click();
    expect(await page.evaluate(() => localStorage.getItem("taskline.budget.v1"))).toContain('"wallClockS":6');

    // The page itself may not talk to other origins either (the CSP, as <meta> or header).
    const pageFetch = await page.evaluate((url) => fetch(`${url}/from-page`).then(() => "reached", (e: Error) => `blocked: ${e.name}`), recorder.url);
    expect(pageFetch).toMatch(/^blocked/);

    // --- runaway code: Stop always works, and says which rung ended it ---
    await runHostile(pg, 'print("spinning")\nwhile True:\n    pass\n', {
      stop: true, state: "stopped", reason: "user",
      text: isolated ? /you pressed Stop; (Python was interrupted|the Python worker was terminated)/ : /terminated and a fresh one took over/,
    });
    await runHostile(pg, "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass\n", {
      stop: true, state: "stopped", reason: "user", text: /terminated and a fresh one took over/,
    });
    // Ignoring SIGINT makes the interrupt a no-op: the worker is terminated. What was printed before
    // the Stop stays (when Python could hand it over), and the trace says it is incomplete.
    await runHostile(pg, "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n", {
      stop: true, state: "stopped", reason: "user", text: /terminated and a fresh one took over/, incomplete: "user",
    });
    await runHostile(pg, "print(sum(range(10**12)))\n", { stop: true, state: "stopped", reason: "user", text: /you pressed Stop/ });
    await runHostile(pg, "import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasync def main():\n    await asyncio.create_task(spin())\n\nasyncio.run(main())\n", {
      state: "stopped", reason: "wall-clock", text: /more than 6 s of real time/,
    });

    // --- resource bombs and fatal errors ---
    if (isolated) await runHostile(pg, "b = bytearray(10**10)\n", { state: /^(error|stopped)$/, text: /OverflowError|MemoryError|memory/ });
    await runHostile(pg, "x = []\nfor _ in range(3000):\n    x = [x]\nprint(x)\n", { state: "crashed", reason: "fatal", text: /stack overflowed/ });
    await runHostile(pg, "import os\nos._exit(0)\n", { state: "crashed", reason: "fatal", text: /os\._exit/ });
    // What follows does not depend on how the page is served: checked once, in the isolated project.
    if (isolated) await runHostile(pg, "for i in range(10**6):\n    print(i)\n", {
      state: "stopped", reason: "output",
      console: (lines) => expect(lines.at(-1)).toMatch(/^\d+$/),
    });
    if (isolated) await runHostile(pg, "import sys\nsys.stdout.write('x' * 50_000_000)\n", {
      state: "stopped", reason: "output", text: /printed more than 300,000 characters/, incomplete: "output",
    });
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def spawn():\n    asyncio.create_task(spawn())\n    asyncio.create_task(spawn())\n    await asyncio.sleep(1)\n\nasyncio.run(spawn())\n", {
      state: "stopped", reason: "tasks", text: /more than 2000 tasks/, incomplete: "tasks",
    });
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def main():\n    for _ in range(100_000):\n        asyncio.create_task(asyncio.sleep(1))\n\nasyncio.run(main())\n", {
      state: "stopped", reason: "tasks",
    });

    // --- livelock, deadlock, poisoned clocks ---
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n", { state: "stopped", reason: "steps" });
    // time.sleep is virtual: 20 s pass on the program's clock at once, and the trace is whole.
    if (isolated) {
      await runHostile(pg, "import time\ntime.sleep(20)\nprint('woke')\n", { state: "done", console: (lines) => expect(lines).toEqual(["woke"]), incomplete: null });
      expect(await pg.virtualTime()).toBeGreaterThanOrEqual(20);
    }
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n", {
      state: "stopped", reason: "virtual-horizon", text: /virtual time limit of 3600 s/, incomplete: "virtual-horizon",
    });
    // A clock the program patches to stand still cannot make the loop spin forever (on the
    // realistic clock it is the real-time limit that ends it).
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def main():\n    asyncio.get_running_loop().time = lambda: 0.0\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n", {
      state: "stopped", reason: /^(virtual-horizon|steps|wall-clock)$/,
    });
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def main():\n    await asyncio.Event().wait()\n\nasyncio.run(main())\n", { state: "stopped", reason: "deadlock", text: /Task-1/ });
    if (isolated) await runHostile(pg, "import asyncio\n\nasync def main():\n    await asyncio.sleep(float('nan'))\n\nasyncio.run(main())\n", { state: "error", text: /ValueError: .*NaN/ });

    // --- markup is text, never HTML ---
    const xss = "<img src=x onerror=\"window.__pwned=1\">";
    if (isolated) {
      await runHostile(pg, `import asyncio\n\nasync def main():\n    print(${JSON.stringify(xss)})\n    await asyncio.create_task(asyncio.sleep(0), name=${JSON.stringify(xss)})\n    raise ValueError(${JSON.stringify(xss)})\n\nasyncio.run(main())\n`, {
      state: "error", text: /ValueError: <img src=x/,
      console: (lines) => expect(lines).toContain(xss),
    });
    await expect(page.locator(`[data-testid=lane][data-task='${xss}']`)).toHaveCount(1);
      expect(await page.evaluate(() => ({ pwned: (window as { __pwned?: number }).__pwned, imgs: document.querySelectorAll("img[src=x]").length }))).toEqual({ pwned: undefined, imgs: 0 });
    }

    // --- isolation: no network, no origin storage, no channel to the page, no eval ---
    const probe = `import js, pyodide_js
for name in ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "indexedDB", "caches", "BroadcastChannel", "Worker", "postMessage", "importScripts"]:
    print(name, hasattr(js, name))
print("storage", hasattr(js.navigator, "storage"))
try:
    js.eval("1")
    print("eval ran")
except Exception as e:
    print("eval refused")
try:
    pyodide_js._api.loadScript("${recorder.url}/import.js")
except Exception as e:
    print("loadScript", type(e).__name__)
try:
    js.WebSocket.new("${recorder.url.replace("http", "ws")}/ws")
    print("websocket opened")
except Exception as e:
    print("websocket", type(e).__name__)
try:
    from pyodide.http import open_url
    open_url("${recorder.url}/open_url")
    print("open_url reached")
except Exception as e:
    print("open_url", type(e).__name__)
print("end")
`;
    await runHostile(pg, probe, {
      state: "done",
      console: (lines) => {
        for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "indexedDB", "caches", "BroadcastChannel", "Worker", "postMessage", "importScripts"]) {
          expect(lines).toContain(`${name} False`);
        }
        expect(lines).toContain("storage False");
        expect(lines).toContain("eval refused");
        expect(lines).not.toContain("open_url reached");
        expect(lines).not.toContain("websocket opened");
        expect(lines.at(-1)).toBe("end");
      },
    });

    // --- one program cannot poison the next (each run gets a fresh interpreter) ---
    await runHostile(pg, `import asyncio, builtins, sys
async def fast(_=0, *a, **k):
    return None
asyncio.sleep = fast
builtins.len = lambda x: -1
with open("/home/pyodide/asyncio_helper.py", "w") as f:
    f.write("raise SystemExit('poisoned')")
sys.path.insert(0, "/home/pyodide")
print("patched")
`, { state: "done" });
    await runHostile(pg, "import asyncio, os\n\nasync def main():\n    await asyncio.sleep(2)\n    print(len('abc'), os.path.exists('/home/pyodide/asyncio_helper.py'))\n\nasyncio.run(main())\n", {
      state: "done",
      console: (lines) => expect(lines).toEqual(["3 False"]),
    });
    // sleep(2) really slept (not the patched no-op). Realistic mode adds the steps' measured CPU
    // time, which a loaded 2-core machine stretches to tens of milliseconds, so no tighter bound.
    expect(await pg.virtualTime()).toBeGreaterThanOrEqual(2);
    expect(await pg.virtualTime()).toBeLessThan(2.5);

    await page.waitForTimeout(500);
    expect(recorder.requests()).toEqual([]);
  } finally {
    await recorder.close();
  }
});

test("a second tab boots and runs beside the first, and back-to-back runs start without loading", async ({ playground: pg, page, context }, testInfo) => {
  // Spares and tabs behave the same however the page is served; the isolated build is where a
  // second tab used to stay at "Loading 5 %".
  test.skip(testInfo.project.name !== "isolated", "checked once, against the isolated build");
  test.setTimeout(180_000);
  await pg.openWithCode('print("one")\n', "&clock=ideal");
  const second = new Playground(await context.newPage());
  await second.openWithCode('print("two")\n', "&clock=ideal");
  expect(await second.page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await second.run()).toBe("done");
  expect(await second.consoleText()).toEqual(["two"]);
  await second.page.close();

  // Two booted spares wait (one boots at a time); then two runs in a row each start at once, and a
  // third starts as soon as the replacement has booted.
  await expect(page.locator("html")).toHaveAttribute("data-ready-spares", "2", { timeout: 120_000 });
  const waitsMs = await page.evaluate(async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const state = () => document.querySelector("[data-testid=run-status]")?.getAttribute("data-state");
    const run = document.querySelector("[data-testid=run]") as HTMLButtonElement;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      while (run.disabled) await sleep(10);
      waits.push(performance.now() - t0);
      run.click();
      while (state() !== "running") await sleep(5);
      while (state() === "running") await sleep(10);
    }
    return waits;
  });
  expect(waitsMs[0]).toBeLessThan(100);
  expect(waitsMs[1]).toBeLessThan(100);
  await expect(pg.status).toHaveAttribute("data-state", "done");
  expect(await pg.consoleText()).toEqual(["one"]);
  await expect(page.getByTestId("trace-incomplete")).toHaveCount(0);
});
