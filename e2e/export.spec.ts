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
