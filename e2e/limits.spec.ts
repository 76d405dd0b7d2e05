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

test("a program stuck in a step keeps what it did before: Stop shows its output and the stuck task's lane", async ({ playground, page }) => {
  // Header-less (project chromium): Stop can only terminate the worker, so whatever Python still
  // buffered is lost; what happened before the stuck step must have reached the page already.
  await playground.openWithCode(`import asyncio

async def spin():
    n = 0
    while True:
        n += 1

async def main():
    print('start')
    asyncio.create_task(spin())
    await asyncio.sleep(1)

asyncio.run(main())
`);
  await page.getByTestId("run").click();
  // Visible while it runs, not only after Stop.
  await expect(playground.consoleLines).toHaveText(["start"]);
  await expect(playground.lanes.filter({ hasText: "Task-2" })).toHaveCount(1);
  await page.getByTestId("stop").click();
  await expect(playground.status).toHaveAttribute("data-state", "stopped");
  await expect(playground.status).toHaveAttribute("data-reason", "user");
  await expect(playground.consoleLines).toHaveText(["start"]);
  const spin = page.locator('[data-testid=lane][data-coro="spin"]');
  await expect(spin).toHaveAttribute("data-final-state", "pending");
  // Its step began and never ended: it never waited (its one segment is running).
  await expect(spin).toHaveAttribute("data-waiting", "[]");
  await expect(playground.summary).toHaveAttribute("data-tasks", "2");

  // The ticks of a program that then spins without any await are kept as well (a fresh page).
  await page.goto("about:blank");
  await playground.openWithCode(`import asyncio

async def main():
    for _ in range(3):
        print('tick')
        await asyncio.sleep(0.1)
    while True:
        pass

asyncio.run(main())
`);
  await page.getByTestId("run").click();
  await expect(playground.consoleLines).toHaveText(["tick", "tick", "tick"]);
  await page.keyboard.press("Escape");
  await expect(playground.status).toHaveAttribute("data-state", "stopped");
  await expect(playground.consoleLines).toHaveText(["tick", "tick", "tick"]);
  await expect(page.locator('[data-testid=lane][data-coro="main"]')).toHaveAttribute("data-final-state", "pending");
});

test("Run stays enabled while the next fresh Python boots: quick runs in a row wait for it and all finish, and Esc cancels a waiting one", async ({ playground, page }) => {
  await playground.openWithCode(`print("hello")\n`, "&clock=ideal");
  // Every state the status line shows, in order.
  await page.evaluate(() => {
    const status = document.querySelector("[data-testid=run-status]")!;
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => seen.push(status.getAttribute("data-state") ?? "")).observe(status, { attributes: true, attributeFilter: ["data-state"] });
  });
  const seen = () => page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates.join(" "));
  await page.locator(".monaco-editor .view-lines").first().click();
  for (let i = 0; i < 3; i++) {
    // Ctrl+Enter in the editor, pressed as soon as the previous run ended: never ignored.
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(async () => (await seen()).split(" ").filter((state) => state === "done").length, { timeout: 45_000 }).toBe(i + 1);
  }
  const states = await seen();
  expect(states.match(/done/g)).toHaveLength(3);
  expect(states).toMatch(/starting running done/); // at least one run waited for a fresh Python
  expect(states).not.toMatch(/crashed|error|stopped/);
  await expect(playground.consoleLines).toHaveText(["hello"]);

  // Pressed again right away, it waits again; Esc cancels it and no run starts later.
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(playground.status).toHaveAttribute("data-state", "starting");
  await expect(playground.status).toContainText("Starting a fresh Python");
  await expect(page.getByTestId("run")).toBeDisabled();
  await expect(page.getByTestId("stop")).toBeEnabled();
  await page.keyboard.press("Escape");
  await expect(playground.status).toHaveAttribute("data-state", "stopped");
  await expect(playground.status).toHaveAttribute("data-reason", "user");
  await expect(page.locator("html")).toHaveAttribute("data-ready-spares", /[12]/, { timeout: 120_000 });
  await expect(playground.status).toHaveAttribute("data-state", "stopped");
  expect(await seen()).not.toMatch(/stopped running/);
  await expect(page.getByTestId("run")).toBeEnabled();
});
