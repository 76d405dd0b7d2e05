/**
 * Playback: the run is replayed with a time cursor; the editor, console and await tree show the
 * moment under the cursor.
 */
import { expect, test } from "./fixtures";

const COUNTERS = `import asyncio

async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

asyncio.run(main())
`;

test("the cursor shows three counters asleep at 0.5 s, and steps to the wake-up at 1 s", async ({ playground, page }) => {
  await playground.openWithCode(COUNTERS, "&clock=ideal");
  expect(await playground.run()).toBe("done");
  const cursor = page.getByTestId("cursor");
  await cursor.fill("500"); // the scrubber runs over thousandths of the run (1.0 s)
  await expect(cursor).toHaveAttribute("data-vt", "0.5");

  const pstree = page.getByTestId("pstree");
  await expect(pstree).toContainText("Task-1 · main · waiting on gather (line 9)");
  expect(((await pstree.textContent()) ?? "").match(/waiting on sleep 1 s \(line 5\)/g)).toHaveLength(3);
  await expect(page.locator(".task-mark-line-5")).toHaveCount(3);

  const twos = playground.consoleLines.filter({ hasText: "Two" });
  await expect(twos).toHaveCount(3);
  for (const line of await twos.all()) await expect(line.locator("..")).toHaveClass(/console-row--future/);
  const ones = playground.consoleLines.filter({ hasText: "One" });
  for (const line of await ones.all()) await expect(line.locator("..")).not.toHaveClass(/console-row--future/);

  await page.getByTestId("step-forward").click();
  await expect(cursor).toHaveAttribute("data-vt", "1");
  for (const line of await twos.all()) await expect(line.locator("..")).not.toHaveClass(/console-row--future/);
  await page.getByTestId("step-back").click();
  await expect(cursor).toHaveAttribute("data-vt", "0");
  // Everything at t = 0 has happened by then (ideal clock): the counters are already asleep.
  for (const line of await twos.all()) await expect(line.locator("..")).toHaveClass(/console-row--future/);
});

test("play replays the run and keyboard keys step through it", async ({ playground, page }) => {
  await playground.openWithCode(COUNTERS, "&clock=ideal");
  expect(await playground.run()).toBe("done");
  const cursor = page.getByTestId("cursor");
  // A new run replays from its start in real time (slowed down here): while it plays, the editor
  // marks the three counters asleep at line 5; the 1 s program reaches its end by itself.
  await page.locator(".playback-bar__speed select").selectOption("0.25");
  await expect(page.locator(".task-mark-line-5")).toHaveCount(3);
  await expect(cursor).toHaveAttribute("data-vt", "1", { timeout: 10_000 });
  await expect(page.locator(".task-mark-line-5")).toHaveCount(0); // they have ended
  await expect(page.getByTestId("play")).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Home");
  await expect(cursor).toHaveAttribute("data-vt", "0");
  await page.keyboard.press("ArrowRight");
  await expect(cursor).toHaveAttribute("data-vt", "1");
  await page.getByTestId("play").click();
  await expect(page.getByTestId("play")).toHaveAttribute("aria-pressed", "true");
});

test("the inspector of a cancelled task names the task that cancelled it", async ({ playground, page }) => {
  await playground.openWithCode(`import asyncio

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled while sleeping")
        raise

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  // Clicking a console line selects the task that printed it and moves the cursor there.
  await playground.consoleLines.filter({ hasText: "cancelled while sleeping" }).click();
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toContainText("Task-2");
  await expect(page.getByTestId("inspector-cancelled-by")).toHaveText("Task-1");
  await expect(inspector).toContainText("cancelled");
});

test("a link with &t= points at a moment: after Run the cursor waits there", async ({ playground, page }) => {
  await playground.openWithCode(COUNTERS, "&clock=ideal&t=0.5");
  expect(await playground.run()).toBe("done");
  await expect(page.getByTestId("cursor")).toHaveAttribute("data-vt", "0.5");
  await expect(page.getByTestId("play")).toHaveAttribute("aria-pressed", "false");
  expect(((await page.getByTestId("pstree").textContent()) ?? "").match(/waiting on sleep/g)).toHaveLength(3);
});

test("marks and lanes select each other, and a failed task's traceback links to its line", async ({ playground, page }) => {
  await playground.openWithCode(COUNTERS, "&clock=ideal&t=0.5");
  expect(await playground.run()).toBe("done");
  const inspector = page.getByTestId("inspector");
  // Clicking a task's mark in the editor's gutter selects it; the selected mark is drawn strongest.
  await page.locator(".task-mark-line-5").first().click();
  await expect(inspector).toContainText("Task-");
  await expect(page.locator(".task-mark-line-5.task-mark--selected")).toHaveCount(1);
  // Clicking a lane selects its task for the inspector.
  await page.locator('[data-testid=lane][data-task="Task-3"]').click();
  await expect(inspector).toContainText("Task-3");
  await expect(inspector).toContainText("waiting on sleep 1 s (line 5)");

  await page.goto("about:blank");
  await playground.openWithCode(`import asyncio

async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("no luck")

async def main():
    await asyncio.gather(fail(), return_exceptions=True)

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  await page.locator('[data-testid=lane][data-task="Task-2"]').click();
  await expect(page.getByTestId("inspector-traceback")).toContainText("ValueError: no luck");
  await expect(page.getByTestId("inspector-traceback").getByRole("button", { name: "5" })).toBeVisible();
});

test("the console keeps to the end of new output, and stays where the reader scrolled while the cursor moves", async ({ playground, page }) => {
  await playground.openWithCode(
    `import asyncio

async def main():
    for i in range(150):
        print("line", i)
        await asyncio.sleep(0.01)
    while True:  # still running, output shown
        pass

asyncio.run(main())
`,
    "&clock=ideal",
  );
  const console = page.locator(".console");
  const distanceFromEnd = () => console.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  await page.getByTestId("run").click();
  // Followed while the lines stream in (a run that never ends shows what it printed so far).
  await expect.poll(() => playground.consoleLines.count()).toBeGreaterThan(40);
  const whileRunning = () =>
    page.evaluate(() => {
      const el = document.querySelector(".console")!;
      const running = document.querySelector("[data-testid=run-status]")?.getAttribute("data-state") === "running";
      return running ? el.scrollHeight - el.scrollTop - el.clientHeight : Infinity;
    });
  await expect.poll(whileRunning).toBeLessThan(24);
  await page.getByTestId("stop").click();
  await expect(playground.status).toHaveAttribute("data-state", "stopped");

  // The reader scrolls up to the first lines; moving the cursor re-draws the console, not its scroll.
  await console.evaluate((el) => {
    el.scrollTop = 0;
    el.dispatchEvent(new Event("scroll"));
  });
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expect(playground.consoleLines.last().locator("..")).toHaveClass(/console-row--future/);
  expect(await console.evaluate((el) => el.scrollTop)).toBe(0);
});
