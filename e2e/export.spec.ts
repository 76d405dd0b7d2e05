/** The trace export opens in Perfetto: Chrome Trace Event Format, one named track per task. */
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

test("export-trace downloads a Chrome trace with one named track per task", async ({ playground, page }) => {
  await playground.openWithCode(`import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise ValueError("bad worker")

async def main():
    good = asyncio.create_task(worker("good", 1), name="good")
    bad = asyncio.create_task(worker("bad", 2), name="bad")
    await asyncio.gather(good, bad, return_exceptions=True)

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-trace").click()]);
  const trace = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    traceEvents: { ph: string; name: string; tid: number; args?: { name?: string } }[];
  };
  const tracks = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args?.name);
  expect(tracks).toEqual(expect.arrayContaining(["Task-1", "good", "bad"]));
  const tidOf = (name: string) => trace.traceEvents.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === name)!.tid;
  const ends = (name: string) => trace.traceEvents.filter((e) => e.ph === "i" && e.tid === tidOf(name)).map((e) => e.name);
  expect(ends("good")).toContain("done");
  expect(ends("bad")).toContain("failed");
  expect(trace.traceEvents.some((e) => e.ph === "X" && e.tid === tidOf("good") && e.name === "waiting")).toBe(true);
});

/** Stands in for ui.perfetto.dev: answers PING with PONG and keeps what it is sent. */
const FAKE_PERFETTO = `<!doctype html><title>fake Perfetto</title><script>
window.received = null;
window.addEventListener("message", (e) => {
  if (e.data === "PING") { e.source.postMessage("PONG", "*"); return; }
  const p = e.data && e.data.perfetto;
  if (p) window.received = { title: p.title, fileName: p.fileName, fromOpener: e.source === window.opener, isBuffer: p.buffer instanceof ArrayBuffer, text: new TextDecoder().decode(p.buffer) };
});
</script>`;

test("the Export menu opens the trace in Perfetto and saves the swimlane as SVG and PNG and the run as text", async ({ playground, page, context }) => {
  test.setTimeout(120_000);
  await context.route("https://ui.perfetto.dev/**", (route) => route.fulfill({ contentType: "text/html", body: FAKE_PERFETTO }));
  await playground.openWithCode(
    `import asyncio

async def nap(seconds):
    await asyncio.sleep(seconds)

async def main():
    evil = asyncio.create_task(nap(1), name='<img src=x onerror="alert(1)">')
    calm = asyncio.create_task(nap(2), name="calm")
    await asyncio.gather(evil, calm)

asyncio.run(main())
`,
    "&clock=ideal",
  );
  expect(await playground.run()).toBe("done");
  const menu = page.getByTestId("export-menu");
  const openMenu = async () => {
    if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
  };

  // Open in Perfetto: the handshake runs and the trace arrives, one named track per task.
  await openMenu();
  const [perfetto] = await Promise.all([context.waitForEvent("page"), page.getByTestId("export-perfetto").click()]);
  const received = await perfetto.waitForFunction(() => (window as unknown as { received: unknown }).received).then((h) => h.jsonValue() as Promise<{ title: string; fileName: string; fromOpener: boolean; isBuffer: boolean; text: string }>);
  expect(received).toMatchObject({ title: "Taskline run", fileName: "taskline-trace.json", fromOpener: true, isBuffer: true });
  const trace = JSON.parse(received.text) as { traceEvents: { ph: string; name: string; args?: { name?: string } }[] };
  const tracks = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args?.name);
  expect(tracks.sort()).toEqual(['<img src=x onerror="alert(1)">', "Task-1", "calm"].sort());
  await expect(page.getByTestId("export-status")).toHaveText("Perfetto has the trace (in the new tab).");
  await perfetto.close();

  // Swimlane as SVG: a document that parses, names every lane as text, and carries no <img>.
  await openMenu();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-svg").click()]);
  expect(svgDownload.suggestedFilename()).toBe("taskline-swimlane.svg");
  const svg = await readFile((await svgDownload.path())!, "utf8");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? "",
      root: doc.documentElement.nodeName,
      images: doc.querySelectorAll("img, image, script, foreignObject").length,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
    };
  }, svg);
  expect(parsed).toMatchObject({ error: "", root: "svg", images: 0 });
  expect(parsed.texts).toEqual(expect.arrayContaining(["Task-1", '<img src=x onerror="alert(1)">', "calm", "sleep 2 s"]));

  // Swimlane as PNG: a real PNG image of the same drawing.
  await openMenu();
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
  const png = await readFile((await pngDownload.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width in pixels (1200 CSS px × 2)

  // The run as text: summary, await tree, one line per task.
  await openMenu();
  const [textDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-text").click()]);
  const text = await readFile((await textDownload.path())!, "utf8");
  expect(text).toContain(await playground.summary.textContent());
  expect(text).toContain(await page.getByTestId("pstree").textContent());
  expect(text).toMatch(/^calm {2}done {2}t = 0\.0 s → t = 2\.0 s {2}= None$/m);
});
