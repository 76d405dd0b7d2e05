/**
 * Runaway programs end with a plain reason, keep what they printed, and leave the page usable.
 */
import { expect, test } from "./fixtures";

test("Stop ends `while True: pass` and the next run works", async ({ playground, page }) => {
  await playground.openWithCode(`print("spinning")\nwhile True:\n    pass\n`);
  await page.getByTestId("run").click();
  await expect(playground.status).toHaveAttribute("data-state", "running");
  await page.getByTestId("stop").click();
  await expect(playground.status).toHaveAttribute("data-state", "stopped");
  await expect(playground.status).toHaveAttribute("data-reason", "user");
  // A fresh runtime boots in the background; Run works again once it is ready.
  await expect(page.getByTestId("run")).toBeEnabled({ timeout: 45_000 });
  expect(await playground.source()).toContain("while True");
  await playground.replaceCode('print("again")\n');
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual(["again"]);
});

test("an endless sleep loop stops at the virtual time limit and keeps its output", async ({ playground }) => {
  await playground.openWithCode(`import asyncio

async def main():
    n = 0
    while True:
        n += 1
        if n % 1000 == 0:
            print("tick", n)
        await asyncio.sleep(1)

asyncio.run(main())
`);
  expect(await playground.run()).toBe("stopped");
  await expect(playground.status).toHaveAttribute("data-reason", "virtual-horizon");
  await expect(playground.status).toContainText(/virtual time limit/i);
  expect(await playground.consoleText()).toEqual(["tick 1000", "tick 2000", "tick 3000"]);
});

test("a deadlock stops the run and names the waiting task", async ({ playground }) => {
  await playground.openWithCode(`import asyncio

async def main():
    await asyncio.Event().wait()

asyncio.run(main())
`);
  expect(await playground.run()).toBe("stopped");
  await expect(playground.status).toHaveAttribute("data-reason", "deadlock");
  await expect(playground.status).toContainText("Task-1");
});
