/**
 * Beyond the asyncio core, as a learner meets it: a generator driven by hand is a lane with the
 * values passed each way; the Problems list names each warning's kind, task and line (and a
 * deadlock's wait-for chain) and takes you to the line; the tutorials' thread and process programs
 * end with an explanation instead of an obscure error.
 */
import LZString from "lz-string";
import { expect, test } from "./fixtures";

const GENERATOR = `def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
next(avg)
print(avg.send(10))
print(avg.send(30))
avg.close()
`;

const PROBLEMS = `import asyncio, time
lock = asyncio.Lock()
never = asyncio.Event()

async def holder():
    async with lock:
        await never.wait()

async def wanter():
    await asyncio.sleep(0.1)
    time.sleep(0.2)
    async with lock:
        pass

async def main():
    asyncio.sleep(1)
    await asyncio.gather(holder(), wanter())

asyncio.run(main())
`;

const THREADS = `import threading, time

def work(n):
    time.sleep(1)

threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
`;

test("a generator driven by next/send is a lane paused at its yield line, with the sent and yielded values", async ({ playground, page }) => {
  await playground.openWithCode(GENERATOR, "&clock=ideal&axis=steps");
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual(["10.0", "20.0"]);
  await expect(page.locator('[data-testid=lane][data-task="Generator-1 (averager)"]')).toHaveCount(1);
  await expect(page.locator('[data-testid=lane][data-task="main program"]')).toHaveCount(1);

  const story = page.locator('[data-testid=generator][data-task="Generator-1 (averager)"] [data-testid=handoff]');
  await expect(story).toHaveCount(8);
  const entries = await story.evaluateAll((items) => items.map((li) => [li.getAttribute("data-dir"), li.getAttribute("data-line"), li.querySelector(".generators__text")?.textContent]));
  expect(entries).toEqual([
    ["in", "0", "next()"],
    ["out", "5", "yielded None"],
    ["in", "0", "send(10)"],
    ["out", "5", "yielded 10.0"],
    ["in", "0", "send(30)"],
    ["out", "5", "yielded 20.0"],
    ["in", "0", "close() → GeneratorExit"],
    ["out", "0", "closed"],
  ]);
  await expect(story.nth(1)).toContainText("paused at line 5");
  // The await tree at the end shows the generator closed, the main program done: both lanes are real lanes.
  await expect(page.locator('[data-testid=lane][data-task="Generator-1 (averager)"]')).toHaveAttribute("data-final-state", "done");
  // Its label does not repeat the function its name already gives ("Generator-1 (averager) averager").
  await expect(page.locator('[data-testid=lane][data-task="Generator-1 (averager)"]')).toHaveAttribute("data-coro-in-name", "");
  await expect(page.getByTestId("problems-count")).toHaveText("0");
  // The main program drives the generator: its lane comes first, and the summary counts what was drawn.
  expect(await page.getByTestId("lane").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-task")))).toEqual(["main program", "Generator-1 (averager)"]);
  await expect(playground.summary).toContainText("1 generator · 8 steps");
  await expect(playground.summary).toHaveAttribute("data-steps", "8");

  // Opening another link in the same tab shows its code without this run's console, lanes and summary.
  const other = "print('other')\n";
  await page.evaluate((hash) => (location.hash = hash), `#code/${LZString.compressToEncodedURIComponent(other)}`);
  await expect.poll(() => playground.source()).toBe(other);
  await expect(playground.consoleLines).toHaveCount(0);
  await expect(page.getByTestId("lane")).toHaveCount(0);
  await expect(playground.summary).not.toHaveAttribute("data-steps");
});

test("the Problems list names each warning's kind, task and line, follows a deadlock's chain and shows the line", async ({ playground, page }) => {
  await playground.openWithCode(PROBLEMS, "&clock=ideal");
  expect(await playground.run()).toBe("stopped");
  await expect(playground.status).toHaveAttribute("data-reason", "deadlock");

  const problems = page.getByTestId("problem");
  const found = await problems.evaluateAll((items) => items.map((li) => [li.getAttribute("data-kind"), li.getAttribute("data-task"), li.getAttribute("data-line")]));
  expect(found).toEqual(expect.arrayContaining([
    ["blocking-call", "Task-3", "11"],
    ["deadlock", "Task-1", "17"],
    ["deadlock", "Task-2", "7"],
    ["deadlock", "Task-3", "12"],
    ["never-awaited", expect.any(String), "16"],
  ]));
  await expect(page.getByTestId("problems-count")).toHaveText(String(found.length));
  const wanter = page.locator("[data-testid=problem][data-kind=deadlock][data-task=Task-3]");
  await expect(wanter).toContainText("Task-3 waits for the Lock held by Task-2, which waits for an Event nobody sets");
  // The stuck tasks are not drawn as cancelled: they stay waiting, as they would in plain Python.
  for (const task of ["Task-1", "Task-2", "Task-3"]) {
    await expect(page.locator(`[data-testid=lane][data-task=${task}]`)).toHaveAttribute("data-final-state", "pending");
  }
  await page.keyboard.press("End"); // the playback cursor to the end: the await tree there
  await expect(page.getByTestId("pstree")).toContainText("Task-3 · wanter · waiting on Lock (line 12)");

  // Choosing it selects the task (the inspector shows it) and shows its line in the editor.
  await wanter.getByRole("button").click();
  await expect(page.getByTestId("inspector")).toContainText("Task-3");
  await expect(page.locator(".monaco-editor .line-numbers.active-line-number")).toHaveText("12");
});

test("a tutorial's threading program ends with what real Python does and what to use here", async ({ playground, page }) => {
  await playground.openWithCode(THREADS, "&clock=ideal");
  expect(await playground.run()).toBe("error");
  const text = (await page.locator(".app-main__console").innerText()).replace(/\s+/g, " ");
  expect(text).toContain("UnsupportedInBrowser");
  expect(text).toContain("in real Python it runs the function on an OS thread");
  expect(text).toContain("asyncio.to_thread");
  await expect(page.getByTestId("editor-marker")).toHaveAttribute("data-line", "8");
});
