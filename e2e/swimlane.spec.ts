/**
 * The swimlane as a person uses it: lanes per task with their states, the steps axis, zooming,
 * relation arrows, selection and collapsing — checked through DOM attributes, never pixels. The
 * seed examples are also saved as screenshots in e2e/artifacts/ for a human to look at.
 */
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const ARTIFACTS = "e2e/artifacts";

// A high-DPI screen: the canvas must be sized for it (and the screenshots show whether it is crisp).
test.use({ deviceScaleFactor: 2 });

const TWO_SLEEPERS = `import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(say_after(3, 'hello'))
    task2 = asyncio.create_task(say_after(3, 'world'))
    await asyncio.gather(task1, task2)

asyncio.run(main())
`;

const SEEDS: readonly { readonly name: string; readonly source: string; readonly lanes: number; readonly settings?: string }[] = [
  {
    name: "gather-three-counters",
    lanes: 4,
    source: `import asyncio

async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

asyncio.run(main())
`,
  },
  {
    name: "create-task-pair",
    lanes: 3,
    source: `import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    await task1
    await task2

asyncio.run(main())
`,
  },
  {
    name: "cancellation",
    lanes: 2,
    source: `import asyncio

async def slow_job():
    try:
        print("working...")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled while sleeping")
        raise

async def main():
    task = asyncio.create_task(slow_job())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the job is cancelled")

asyncio.run(main())
`,
  },
  {
    name: "semaphore-pool",
    lanes: 6,
    source: `import asyncio

async def worker(n, sem):
    async with sem:
        print(f"worker {n} starts")
        await asyncio.sleep(1)
        print(f"worker {n} done")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(i, sem) for i in range(5)))

asyncio.run(main())
`,
  },
  {
    name: "exception-propagation",
    lanes: 5,
    // The ideal clock: the failure, the cancellations and the arrows all at exactly 0.5 s.
    settings: "&clock=ideal",
    source: `import asyncio

async def fetch(n):
    await asyncio.sleep(n)
    return n

async def broken():
    await asyncio.sleep(0.5)
    raise ValueError("broken source")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch(1))
            tg.create_task(broken())
            tg.create_task(fetch(2))
    except* ValueError as eg:
        print("caught", eg.exceptions)
    t = asyncio.create_task(broken())
    try:
        await t
    except ValueError:
        print("caught again")

asyncio.run(main())
`,
  },
];

/** The waiting intervals a lane label reports, in virtual seconds. */
async function waitingOf(lane: Locator): Promise<[number, number][]> {
  return JSON.parse((await lane.getAttribute("data-waiting")) ?? "[]") as [number, number][];
}

async function tickTexts(page: Page): Promise<string[]> {
  return page.locator("[data-testid=swimlane-axis] .tick text").allTextContents();
}

async function viewWidth(swimlane: Locator): Promise<number> {
  const start = Number(await swimlane.getAttribute("data-view-start"));
  const end = Number(await swimlane.getAttribute("data-view-end"));
  return end - start;
}

test("two tasks sleeping 3 s under gather: overlapping lanes, both axes, zoom, arrows, selection", async ({ playground, page }) => {
  await playground.openWithCode(TWO_SLEEPERS);
  expect(await playground.run()).toBe("done");
  const swimlane = page.getByTestId("swimlane");

  // Two task lanes besides main, nested under it, done, whose waits overlap in time.
  const first = page.locator("[data-testid=lane][data-task=Task-2]");
  const second = page.locator("[data-testid=lane][data-task=Task-3]");
  await expect(playground.lanes).toHaveCount(3);
  for (const lane of [first, second]) {
    await expect(lane).toHaveAttribute("data-final-state", "done");
    await expect(lane).toHaveAttribute("data-depth", "1");
  }
  const [a] = await waitingOf(first);
  const [b] = await waitingOf(second);
  expect(a![1] - a![0]).toBeGreaterThan(2.9);
  expect(b![1] - b![0]).toBeGreaterThan(2.9);
  expect(Math.min(a![1], b![1]) - Math.max(a![0], b![0])).toBeGreaterThan(2.9);

  // The time axis reads seconds; the steps axis whole steps; and back.
  await expect.poll(() => tickTexts(page)).toContain("3 s");
  await page.getByTestId("axis-steps").click();
  await expect(swimlane).toHaveAttribute("data-axis", "steps");
  await expect.poll(async () => (await tickTexts(page)).every((t) => /^\d+$/.test(t))).toBe(true);
  await page.getByTestId("axis-time").click();
  await expect(swimlane).toHaveAttribute("data-axis", "time");
  await expect.poll(() => tickTexts(page)).toContain("3 s");

  // Zooming (keys, then Ctrl+wheel) narrows the visible range, and the axis says so.
  const fitted = await viewWidth(swimlane);
  const fittedTicks = await tickTexts(page);
  await swimlane.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("w");
  await expect.poll(() => viewWidth(swimlane)).toBeLessThan(fitted / 4);
  await expect.poll(() => tickTexts(page)).not.toEqual(fittedTicks);
  const keyed = await viewWidth(swimlane);
  const box = (await swimlane.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -400);
  await page.keyboard.up("Control");
  await expect.poll(() => viewWidth(swimlane)).toBeLessThan(keyed);
  // The concurrency chart under the lanes shows the same range as the lanes.
  const chart = page.getByTestId("concurrency-chart");
  await expect.poll(async () => Number(await chart.getAttribute("data-to")) - Number(await chart.getAttribute("data-from"))).toBeCloseTo(await viewWidth(swimlane), 6);
  await page.keyboard.press("f");
  await expect.poll(() => viewWidth(swimlane)).toBeCloseTo(fitted, 6);

  // Dragging on the axis zooms to the dragged range.
  const axis = (await page.getByTestId("swimlane-axis").boundingBox())!;
  await page.mouse.move(axis.x + axis.width * 0.25, axis.y + axis.height / 2);
  await page.mouse.down();
  await page.mouse.move(axis.x + axis.width * 0.5, axis.y + axis.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewWidth(swimlane)).toBeLessThan(fitted * 0.3);
  await page.getByTestId("fit").click();
  await expect.poll(() => viewWidth(swimlane)).toBeCloseTo(fitted, 6);

  // Arrows: creation and await arrows are drawn; turning kinds off draws fewer, then none.
  const arrows = async () => Number(await swimlane.getAttribute("data-arrows"));
  await expect.poll(arrows).toBeGreaterThanOrEqual(4); // 2 created + 2 awaited (+ wake-ups)
  const all = await arrows();
  const createToggle = page.getByRole("button", { name: "creation", exact: true });
  await expect(createToggle).toHaveAttribute("aria-pressed", "true");
  await createToggle.click();
  await expect(createToggle).toHaveAttribute("aria-pressed", "false");
  await expect.poll(arrows).toBe(all - 2);
  await page.getByRole("button", { name: "await", exact: true }).click();
  await expect.poll(arrows).toBe(all - 4);
  await page.getByRole("button", { name: "wake-up", exact: true }).click();
  await page.getByRole("button", { name: "cancellation", exact: true }).click();
  await expect.poll(arrows).toBe(0);
  await createToggle.click();
  await expect.poll(arrows).toBe(2);
  await page.screenshot({ path: `${ARTIFACTS}/swimlane-creation-arrows-only.png` });

  // Clicking a lane selects it; collapsing main hides the tasks it created.
  await second.click();
  await expect(second).toHaveAttribute("data-selected", "true");
  const main = page.locator("[data-testid=lane][data-task=Task-1]");
  await main.getByRole("button", { name: /Hide the 2 tasks created by Task-1/ }).click();
  await expect(playground.lanes).toHaveCount(1);
  await main.getByRole("button", { name: /Show the 2 tasks/ }).click();
  await expect(playground.lanes).toHaveCount(3);
});

for (const seed of SEEDS) {
  test(`seed example "${seed.name}" draws its lanes and arrows (screenshot in e2e/artifacts)`, async ({ playground, page }) => {
    test.setTimeout(120_000); // one Python boot each; generous for a loaded CI machine
    mkdirSync(ARTIFACTS, { recursive: true });
    await playground.openWithCode(seed.source, seed.settings);
    expect(await playground.run()).toBe("done");
    await expect(playground.lanes).toHaveCount(seed.lanes);
    const swimlane = page.getByTestId("swimlane");
    await expect.poll(async () => Number(await swimlane.getAttribute("data-arrows"))).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/swimlane-${seed.name}.png` });
    if (seed.name === "exception-propagation") {
      // The failed child's error reaches the TaskGroup's body and the two siblings it cancels, and
      // the awaited Task-5's error reaches main: four exception arrows, gone when toggled off.
      const kinds = async () => JSON.parse((await swimlane.getAttribute("data-arrow-kinds")) ?? "{}") as Record<string, number>;
      await expect.poll(async () => (await kinds()).exception).toBe(4);
      await expect(page.locator("[data-testid=lane][data-task=Task-3]")).toHaveAttribute("data-final-state", "failed");
      await expect(page.locator("[data-testid=lane][data-task=Task-2]")).toHaveAttribute("data-final-state", "cancelled");
      const total = Number(await swimlane.getAttribute("data-arrows"));
      const toggle = page.getByTestId("arrows-exception");
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-pressed", "false");
      await expect.poll(async () => Number(await swimlane.getAttribute("data-arrows"))).toBe(total - 4);
      await expect.poll(async () => (await kinds()).exception).toBeUndefined();
      await toggle.click();
      // The swimlane's own words follow the language switch; the lane names stay.
      await page.getByTestId("language").selectOption("zh-CN");
      await expect(toggle).toHaveText("异常");
      await expect(page.getByTestId("legend")).toContainText("等待中");
      await expect(page.getByTestId("marks-key")).toHaveText("输出警告");
      await expect(page.locator("[data-testid=lane][data-task=Task-1]")).toHaveAttribute("title", /^Task-1（main，创建于第 \d+ 行）：完成$/);
      await page.getByTestId("language").selectOption("en");
      await expect(toggle).toHaveText("exception");
      await expect(page.getByTestId("marks-key")).toHaveText("printedwarning");
    }
    if (seed.name === "cancellation") {
      const job = page.locator("[data-testid=lane][data-task=Task-2]");
      await expect(job).toHaveAttribute("data-final-state", "cancelled");
      // Hovering the job's sleep: it asked for 10 s and was cancelled after 1 s (not "sleep 1 s").
      const canvas = (await page.locator(".swimlane-canvas").boundingBox())!;
      const row = (await job.boundingBox())!;
      await page.mouse.move(canvas.x + canvas.width * 0.5, row.y + row.height / 2);
      // (On the realistic clock the job starts its sleep a few ms after main starts its own, and
      // the steps' CPU time adds a little: "after 1 s", a little more, or "996 ms" under load.)
      await expect(page.getByRole("tooltip")).toContainText(/waiting: sleep 10 s \(cancelled after (1(\.\d+)? s|9[5-9]\d ms)\)/);
      await page.mouse.move(0, 0);
      // The await tree at a moment the job sleeps: its long line wraps inside the panel (hanging
      // under its own words) instead of running past the edge, and its full text is on hover.
      const pstree = page.getByTestId("pstree");
      await page.keyboard.press("Home");
      for (let i = 0; i < 12 && !((await pstree.textContent()) ?? "").includes("waiting on sleep 10 s (line 6)"); i++) {
        await page.getByTestId("step-forward").click();
      }
      const line = pstree.locator(".pstree__line", { hasText: "waiting on sleep 10 s (line 6)" });
      await expect(line).toHaveAttribute("title", /^└── Task-2 · slow_job · waiting on sleep 10 s \(line 6\)$/);
      expect(await pstree.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      await page.screenshot({ path: `${ARTIFACTS}/swimlane-${seed.name}-paused.png` });
    }
    if (seed.name === "semaphore-pool") {
      // Only two workers hold the semaphore at once: the last one waits two rounds before its sleep.
      const last = await waitingOf(page.locator("[data-testid=lane][data-task=Task-6]"));
      expect(last[0]![1] - last[0]![0]).toBeGreaterThan(1.9);
    }
    if (seed.name === "gather-three-counters") {
      // The same run on the steps axis, in the dark theme, at devicePixelRatio 2.
      await page.getByTestId("axis-steps").click();
      await page.emulateMedia({ colorScheme: "dark" });
      await expect(swimlane).toHaveAttribute("data-axis", "steps");
      await swimlane.screenshot({ path: `${ARTIFACTS}/swimlane-${seed.name}-steps-dark.png`, scale: "device" });
    }
  });
}
