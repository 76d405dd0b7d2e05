/**
 * The examples gallery, as a learner uses it: open each example in turn (one page, so Python boots
 * once), run it, and see it end the way the example means to: done, an error, or a deadlock stop.
 * Also: the draft survives browsing examples, and the language switch changes the labels.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

interface CatalogEntry {
  readonly id: string;
  readonly file: string;
  readonly end: "done" | "error" | "deadlock";
  readonly title: { readonly en: string; readonly "zh-CN": string };
}

const PROGRAMS = new URL("../src/features/gallery/programs/", import.meta.url);
const CATALOG = JSON.parse(readFileSync(new URL("catalog.json", PROGRAMS), "utf8")) as CatalogEntry[];
const DRAFT = "# my own draft\nprint('mine')\n";

test("every example opens beside the draft and runs to its intended ending", async ({ playground, page }) => {
  test.setTimeout(400_000);
  await page.goto("./");
  await expect(playground.status).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await playground.replaceCode(DRAFT);

  for (const example of CATALOG) {
    await page.getByTestId("gallery").click();
    await page.locator(`[data-testid=gallery-item][data-example="${example.id}"]`).click();
    await expect(page.getByTestId("example-banner")).toContainText(example.title.en);
    const source = readFileSync(new URL(example.file, PROGRAMS), "utf8");
    await expect.poll(() => playground.source(), { message: example.id }).toBe(source);
    const state = await playground.run();
    if (example.end === "deadlock") {
      expect(state, example.id).toBe("stopped");
      await expect(playground.status).toHaveAttribute("data-reason", "deadlock");
    } else {
      expect(state, `${example.id}: ${await playground.status.textContent()}`).toBe(example.end);
    }
    expect((await playground.consoleText()).length, example.id).toBeGreaterThan(0);
  }

  // The draft was never touched, and comes back.
  await page.getByTestId("back-to-draft").click();
  await expect.poll(() => playground.source()).toBe(DRAFT);
  await expect(page.getByTestId("example-banner")).toHaveCount(0);

  // Switching the language changes the labels (not the contract attributes) and is remembered.
  await page.getByTestId("language").selectOption("zh-CN");
  await expect(page.getByTestId("run")).toContainText("运行");
  await expect(page.getByTestId("gallery")).toHaveText("示例");
  await expect(playground.status).toHaveAttribute("data-state", /^(done|ready|stopped)$/);
  await page.reload();
  await expect(page.getByTestId("run")).toContainText("运行");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect.poll(() => playground.source()).toBe(DRAFT);
  await page.getByTestId("language").selectOption("en");
  await expect(page.getByTestId("run")).toContainText("Run");

  // The theme switch overrides the system's.
  await page.getByTestId("theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});
