/**
 * `?embed=1`: the compact page an iframe shows. It opens the link's program, runs it, links to
 * the full playground with the same program, and never reads or writes the reader's draft.
 */
import LZString from "lz-string";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const DRAFT = "import asyncio\n# my own draft\nprint('draft')\n";
const EMBEDDED = `import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")

async def main():
    await asyncio.gather(worker("a", 1), worker("b", 2))

asyncio.run(main())
`;
const EDITED = "print('edited in the embed')\n";

const savedDraft = (page: Page) => page.evaluate(() => localStorage.getItem("taskline.draft.v1"));

test("?embed=1 shows the link's program compactly, runs it, links out, and leaves the draft alone", async ({ playground, page, context }) => {
  test.setTimeout(180_000); // four page loads, one run
  // A reader with a draft of their own.
  await page.goto("./");
  await playground.replaceCode(DRAFT);
  await page.waitForFunction((expected) => (JSON.parse(localStorage.getItem("taskline.draft.v1") ?? "null") as { source?: string } | null)?.source === expected, DRAFT);
  const draftBefore = await savedDraft(page);

  const hash = `#code/${LZString.compressToEncodedURIComponent(EMBEDDED)}&clock=ideal`;
  await page.goto(`./?embed=1${hash}`);
  await expect(page.getByTestId("embed")).toBeVisible();
  await expect(playground.status).toHaveAttribute("data-state", "ready", { timeout: 90_000 });
  await expect.poll(() => playground.source()).toBe(EMBEDDED);
  // Compact: no header chrome, gallery, history, share or help; no link banner.
  for (const id of ["share", "gallery", "history", "help-button", "link-banner", "export-menu"]) await expect(page.getByTestId(id)).toHaveCount(0);

  expect(await playground.run()).toBe("done");
  await expect(playground.consoleLines).toHaveText(["a done", "b done"]);
  await expect(playground.lanes).toHaveCount(3);

  // "Open in Taskline": the same link without embed=1, in a new tab, where the program opens.
  const open = page.getByTestId("open-in-taskline");
  const pageUrl = new URL(page.url());
  await expect(open).toHaveAttribute("href", `${pageUrl.origin}/${hash}`);
  await expect(open).toHaveAttribute("target", "_blank");
  const [full] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await expect(full.getByTestId("link-banner")).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => full.evaluate(() => window.taskline?.getSource())).toBe(EMBEDDED);
  await full.close();

  // Edits in the embed go into the link, never into the reader's draft.
  await playground.replaceCode(EDITED);
  await expect(open).not.toHaveAttribute("href", `${pageUrl.origin}/${hash}`);
  const edited = (await open.getAttribute("href")) ?? "";
  expect(LZString.decompressFromEncodedURIComponent(edited.slice(edited.indexOf("#code/") + 6).split("&")[0]!)).toBe(EDITED);
  await page.waitForTimeout(1000); // longer than autosave's 400 ms debounce: nothing may be written
  expect(await savedDraft(page)).toBe(draftBefore);

  // Without a program in the address the embed shows the default example, not the draft.
  await page.goto("./?embed=1");
  await expect.poll(() => playground.source()).toMatch(/^# Three coroutines share one event loop/);
  await expect(page.getByTestId("open-in-taskline")).toHaveAttribute("href", `${pageUrl.origin}/`);

  // And the full playground still has the draft.
  await page.goto("./");
  await expect.poll(() => playground.source()).toBe(DRAFT);
  expect(await savedDraft(page)).toBe(draftBefore);
});
