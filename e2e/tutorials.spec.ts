/**
 * The tutorial programs learners paste first, opened through `#code/` links and run with the
 * Run button: the console and the run summary must say what real Python would.
 */
import { expect, test } from "./fixtures";

/**
 * Virtual time in realistic mode includes the program's real computation; allow what the fidelity
 * corpus allows: max(0.05 s, 5 %), and never less than the sleeps add up to.
 */
const near = (expected: number) => ({ min: expected - 1e-9, max: expected + Math.max(0.05, 0.05 * expected) });

function expectNear(actual: number, expected: number): void {
  const { min, max } = near(expected);
  expect(actual).toBeGreaterThanOrEqual(min);
  expect(actual).toBeLessThanOrEqual(max);
}

test("three counters under gather print One One One Two Two Two in one second", async ({ playground }) => {
  await playground.openWithCode(`import asyncio

async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual(["One", "One", "One", "Two", "Two", "Two"]);
  expectNear(await playground.virtualTime(), 1.0);
  await expect(playground.summary).toHaveAttribute("data-tasks", "4");
  await expect(playground.lanes).toHaveCount(4);
  await expect(playground.lanes.first()).toHaveAttribute("data-final-state", "done");
  const secondTwo = playground.consoleLines.nth(4);
  await expect(secondTwo).toHaveAttribute("data-stream", "stdout");
  expectNear(Number(await secondTwo.getAttribute("data-vt")), 1.0);
});

test("two tasks sleeping 3 s under gather finish 3 s after they started, not 6", async ({ playground }) => {
  await playground.openWithCode(`import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(say_after(3, 'hello'))
    task2 = asyncio.create_task(say_after(3, 'world'))
    print(f"started at {time.strftime('%X')}")
    await asyncio.gather(task1, task2)
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  const lines = await playground.consoleText();
  expect(lines.slice(1, 3)).toEqual(["hello", "world"]);
  const clock = (line: string) => {
    const [h, m, s] = line.split(" at ")[1]!.split(":").map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  expect((clock(lines[3]!) - clock(lines[0]!) + 86400) % 86400).toBe(3);
  expectNear(await playground.virtualTime(), 3.0);
  // The summary compares with running the two waits one after another.
  await expect(playground.page.getByTestId("concurrency-gain")).toContainText("(2.0× faster)");
});

test("an exception raised in a task and caught around await task ends the run as done", async ({ playground }) => {
  await playground.openWithCode(`import asyncio

async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("something went wrong")

async def main():
    task = asyncio.create_task(fail())
    try:
        await task
    except ValueError as e:
        print(f"caught: {e}")

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual(["caught: something went wrong"]);
  await expect(playground.page.locator('[data-testid=lane][data-task="Task-2"]')).toHaveAttribute("data-final-state", "failed");
});

test("a task cancelled after 1 s while sleeping 10 s runs its handler at t = 1", async ({ playground }) => {
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
    try:
        await task
    except asyncio.CancelledError:
        print("main saw the cancellation")

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual(["cancelled while sleeping", "main saw the cancellation"]);
  const handler = playground.consoleLines.first();
  expectNear(Number(await handler.getAttribute("data-vt")), 1.0);
  await expect(handler).toHaveAttribute("data-task", "Task-2");
  expectNear(await playground.virtualTime(), 1.0);
  await expect(playground.page.locator('[data-testid=lane][data-task="Task-2"]')).toHaveAttribute("data-final-state", "cancelled");
});

test("six one-second jobs behind Semaphore(2) take three seconds", async ({ playground }) => {
  await playground.openWithCode(`import asyncio

async def job(n, sem):
    async with sem:
        await asyncio.sleep(1)
        print(f"job {n} done")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(n, sem) for n in range(6)))

asyncio.run(main())
`);
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual([0, 1, 2, 3, 4, 5].map((n) => `job ${n} done`));
  expectNear(await playground.virtualTime(), 3.0);
  await expect(playground.lanes).toHaveCount(7);
});

test("a generator driven by next and send prints what it receives", async ({ playground }) => {
  await playground.openWithCode(`def consumer():
    print("ready")
    while True:
        item = yield
        print(f"received {item}")

gen = consumer()
next(gen)
gen.send("apple")
gen.send("banana")
gen.close()
print("closed")
`);
  expect(await playground.run()).toBe("done");
  expect(await playground.consoleText()).toEqual(["ready", "received apple", "received banana", "closed"]);
});

test("the get_event_loop / run_until_complete / close style runs", async ({ playground }) => {
  await playground.openWithCode(`import asyncio

async def hello():
    await asyncio.sleep(1)
    print("Hello from the old style")

loop = asyncio.get_event_loop()
loop.run_until_complete(hello())
loop.close()
`);
  expect(await playground.run()).toBe("done");
  await expect(playground.consoleLines.filter({ hasText: "Hello from the old style" })).toHaveCount(1);
  expectNear(await playground.virtualTime(), 1.0);
});

test("a syntax error ends in the error state with a marker on its line", async ({ playground, page }) => {
  await playground.openWithCode(`import asyncio

async def main():
    print("hi"
    await asyncio.sleep(1)

asyncio.run(main())
`);
  expect(await playground.run()).toBe("error");
  await expect(playground.status).toContainText("SyntaxError");
  await expect(page.getByTestId("editor-marker")).toHaveAttribute("data-line", "4");
});

test("an uncaught exception ends in the error state and shows the traceback's last line", async ({ playground, page }) => {
  await playground.openWithCode(`import asyncio

async def main():
    await asyncio.sleep(0.1)
    raise RuntimeError("the end")

asyncio.run(main())
`);
  expect(await playground.run()).toBe("error");
  await expect(page.getByTestId("console-error")).toContainText("RuntimeError: the end");
  await expect(page.getByTestId("editor-marker")).toHaveAttribute("data-line", "5");
});
