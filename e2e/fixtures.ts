/**
 * Page objects for the playground: what a person does (open a link, press Run) and sees
 * (status, console lines, lanes), expressed through the public test ids of DESIGN.md §5.
 */
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import LZString from "lz-string";

/** Terminal run states; `data-state` of run-status settles on one of these. */
const ENDED = /^(done|error|stopped|crashed)$/;

export class Playground {
  readonly status: Locator;
  readonly summary: Locator;
  readonly consoleLines: Locator;
  readonly lanes: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId("run-status");
    this.summary = page.getByTestId("run-summary");
    this.consoleLines = page.getByTestId("console-line");
    this.lanes = page.getByTestId("lane");
  }

  /** Opens the playground with `source` in the editor via a share link (`settings` like "&clock=ideal"), and waits for Python. */
  async openWithCode(source: string, settings = ""): Promise<void> {
    await this.page.goto(`./#code/${LZString.compressToEncodedURIComponent(source)}${settings}`);
    await expect(this.status).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
    await expect.poll(() => this.source()).toBe(source);
  }

  /** Replaces the editor's text the way a person pasting would. */
  async replaceCode(source: string): Promise<void> {
    await this.page.locator(".monaco-editor .view-lines").first().click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.insertText(source);
    await expect.poll(() => this.source()).toBe(source);
  }

  async source(): Promise<string> {
    return this.page.evaluate(() => (window as unknown as { taskline: { getSource(): string } }).taskline.getSource());
  }

  /** Presses Run and waits for the run to end; returns the end state. */
  async run(): Promise<string> {
    await this.page.getByTestId("run").click();
    await expect(this.status).toHaveAttribute("data-state", ENDED, { timeout: 45_000 });
    return (await this.status.getAttribute("data-state")) ?? "";
  }

  async consoleText(): Promise<string[]> {
    return this.consoleLines.allTextContents();
  }

  async virtualTime(): Promise<number> {
    return Number(await this.summary.getAttribute("data-virtual-time"));
  }
}

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use) => {
    await use(new Playground(page));
  },
});

export { expect };
