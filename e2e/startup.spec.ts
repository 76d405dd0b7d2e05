/**
 * Startup from the Python memory snapshot (README "Startup"): the first open boots in full and
 * stores a snapshot; the next open restores it and runs programs exactly as a full boot does;
 * a damaged snapshot is thrown away, the page boots in full and stores a new one.
 */
import LZString from "lz-string";
import { expect, Playground, test } from "./fixtures";

const PROGRAM = `import asyncio, os, random, statistics
import js
import taskline.loop

async def tick(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    print("random", random.random())
    print("stdlib", statistics.mean([1, 2, 6]))
    print("sources", os.path.exists(taskline.loop.__file__))
    print("locked", getattr(js, "fetch", None), getattr(js, "caches", None), getattr(js, "indexedDB", None))
    print("gather", await asyncio.gather(tick("a", 0.2), tick("b", 0.1)))

asyncio.run(main())
`;

const html = (pg: Playground) => pg.page.locator("html");

/** Like Playground.openWithCode, with room for a full boot on a busy 2-core machine. */
async function open(pg: Playground): Promise<void> {
  await pg.page.goto(`./#code/${LZString.compressToEncodedURIComponent(PROGRAM)}&clock=ideal`);
  await expect(pg.status).toHaveAttribute("data-state", "ready", { timeout: 120_000 });
  await expect.poll(() => pg.source()).toBe(PROGRAM);
}

async function runAndRead(pg: Playground): Promise<string[]> {
  await expect(html(pg)).toHaveAttribute("data-ready-spares", /^[1-9]/, { timeout: 120_000 });
  expect(await pg.run()).toBe("done");
  const lines = await pg.consoleText();
  expect(lines.slice(1)).toEqual(["stdlib 3", "sources True", "locked None None None", "gather ['a', 'b']"]);
  expect(await pg.virtualTime()).toBeCloseTo(0.2, 6);
  expect(lines[0]).toMatch(/^random 0\.\d+$/);
  return lines;
}

test("the second open restores the stored Python snapshot and runs like a full boot; a damaged snapshot falls back and is replaced", async ({ page, context }) => {
  test.setTimeout(400_000);
  // 1. First open: a full boot, then the page stores a snapshot (the maker worker).
  const first = new Playground(page);
  await open(first);
  await expect(html(first)).toHaveAttribute("data-python-boot", "fresh");
  await expect(html(first)).toHaveAttribute("data-python-snapshot", "stored", { timeout: 120_000 });
  await runAndRead(first);
  await page.close();

  // 2. Second open: both spares restore the snapshot; each run still gets its own random seed.
  const second = new Playground(await context.newPage());
  await open(second);
  await expect(html(second)).toHaveAttribute("data-python-boot", "snapshot");
  await expect(html(second)).not.toHaveAttribute("data-python-snapshot", /./); // no maker needed
  const [a] = await runAndRead(second);
  const [b] = await runAndRead(second);
  expect(a).not.toBe(b);

  // 3. Damage it in a way only Pyodide notices (its magic number; the checksum still matches).
  const damaged = await second.page.evaluate(async () => {
    const cache = await caches.open("taskline-python-snapshot");
    const keys = await cache.keys();
    for (const request of keys) {
      const bytes = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
      bytes.fill(0, 0, 4);
      const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (x) => x.toString(16).padStart(2, "0")).join("");
      await cache.put(request, new Response(bytes, { headers: { "x-taskline-sha256": digest } }));
    }
    return keys.length;
  });
  expect(damaged).toBe(1);
  await second.page.close();

  // 4. Third open: the damaged snapshot is discarded, the boot is a full one, runs work, and a new snapshot is stored.
  const third = new Playground(await context.newPage());
  await open(third);
  await expect(html(third)).toHaveAttribute("data-python-boot", "fresh");
  await runAndRead(third);
  await expect(html(third)).toHaveAttribute("data-python-snapshot", "stored", { timeout: 120_000 });
  const magic = await third.page.evaluate(async () => {
    const cache = await caches.open("taskline-python-snapshot");
    const [request] = await cache.keys();
    return new Uint32Array(await (await cache.match(request!))!.arrayBuffer(), 0, 1)[0];
  });
  expect(magic).not.toBe(0);
});
