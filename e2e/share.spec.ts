/**
 * Sharing and keeping: the share dialog's link opens the same program in another tab without
 * touching that person's draft; the draft survives reloads; broken links each say what is wrong
 * and change nothing.
 */
import LZString from "lz-string";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// No indented blocks: typing into Monaco (replaceCode) would re-indent the lines after one.
const DRAFT = "import asyncio\n# my draft\nasyncio.run(asyncio.sleep(1))\nprint('draft ran')\n";
const SHARED = "import asyncio\nasyncio.run(asyncio.sleep(2))\nprint('shared ran')\n";

/**
 * Waits until autosave has stored `source` as the current draft. (Matching a substring of the
 * stored JSON is not enough: the history of earlier versions holds old drafts too.)
 */
async function savedDraftIs(page: Page, source: string): Promise<void> {
  await page.waitForFunction((expected) => {
    try {
      return (JSON.parse(localStorage.getItem("taskline.draft.v1") ?? "null") as { source?: unknown } | null)?.source === expected;
    } catch {
      return false;
    }
  }, source);
}

test("a shared link opens the same code beside the draft, and the draft survives reloads", async ({ playground, page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  await expect(playground.status).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await playground.replaceCode(DRAFT);
  // Give autosave its debounce, then reload: the draft is back.
  await savedDraftIs(page, DRAFT);
  await page.reload();
  await expect.poll(() => playground.source()).toBe(DRAFT);

  // Share the shared program (from a second draft edit), with the ideal clock.
  await playground.replaceCode(SHARED);
  await page.getByTestId("clock-mode").selectOption("ideal");
  await page.getByTestId("share").click();
  const url = await page.getByTestId("share-url").inputValue();
  expect(url).toMatch(/#code\/[A-Za-z0-9+\-$]+&clock=ideal&c=[0-9a-z]+$/);
  await page.getByTestId("share-copy-link").click();
  await expect(page.getByTestId("share-copied")).toHaveText("Copied!");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(page.getByTestId("share-embed")).toHaveValue(/<iframe src="[^"]*\?embed=1#code\//);
  await page.keyboard.press("Escape");
  // Let the shared program's own autosave land first, so the check below cannot pass on the
  // older save of the draft while the shared program's save is still pending.
  await savedDraftIs(page, SHARED);
  await playground.replaceCode(DRAFT);
  await savedDraftIs(page, DRAFT);

  // Another tab opens the link: same code, banner, not run, the draft untouched.
  const other = await context.newPage();
  const visitor = new (playground.constructor as new (p: typeof other) => typeof playground)(other);
  await other.goto(url);
  await expect(visitor.status).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await expect.poll(() => visitor.source()).toBe(SHARED);
  await expect(other.getByTestId("link-banner")).toBeVisible();
  await expect(other.getByTestId("clock-mode")).toHaveValue("ideal");
  await other.getByTestId("banner-run").click();
  await expect(visitor.status).toHaveAttribute("data-state", "done", { timeout: 45_000 });
  expect(await visitor.consoleText()).toEqual(["shared ran"]);
  await other.getByTestId("back-to-draft").click();
  await expect.poll(() => visitor.source()).toBe(DRAFT);
  expect(other.url()).not.toContain("#code/");
  await other.close();

  // Ctrl/⌘+S copies the link from anywhere.
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("share-copied")).toHaveText("Copied!");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("#code/");
  await page.keyboard.press("Escape");

  // Reloading without a hash still shows the draft; history offers earlier versions.
  await page.goto("./");
  await expect.poll(() => playground.source()).toBe(DRAFT);
  await page.getByTestId("history").locator("summary").click();
  await expect(page.getByTestId("history-version").first()).toBeVisible();
});

test("each kind of broken link explains itself and leaves the draft and the run alone", async ({ playground, page }) => {
  await page.goto("./");
  await expect(playground.status).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await playground.replaceCode(DRAFT);
  expect(await playground.run()).toBe("done");
  const steps = await playground.summary.getAttribute("data-steps");

  const good = LZString.compressToEncodedURIComponent(SHARED);
  const bomb = LZString.compressToEncodedURIComponent("a".repeat(1_200_000));
  const cases: readonly (readonly [string, string])[] = [
    ["#code/", "empty"],
    [`#code/${good.slice(0, good.length >> 1)}`, "corrupt"],
    ["#code/!!not*a*link!!", "corrupt"],
    [`#code/${good}&c=zzzzzz`, "checksum"],
    [`#code/${good}&v=7`, "futureFormat"],
    [`#code/${bomb}`, "tooLarge"],
  ];
  for (const [hash, kind] of cases) {
    await page.goto(`./${hash}`);
    await expect(page.getByTestId("link-error")).toHaveAttribute("data-error", kind);
    await expect(page.getByTestId("link-error")).toContainText("Your draft is unchanged");
    expect(await playground.source(), kind).toBe(DRAFT);
    await expect(playground.summary).toHaveAttribute("data-steps", steps ?? "");
    await expect(page.getByTestId("link-banner")).toHaveCount(0);
  }

  // An unknown setting is ignored, not fatal.
  await page.goto(`./#code/${good}&someday=maybe`);
  await expect(page.getByTestId("link-banner")).toBeVisible();
  await expect.poll(() => playground.source()).toBe(SHARED);
  await expect(page.getByTestId("link-error")).toHaveCount(0);
});
