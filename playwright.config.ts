import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium (installed by .ci/run); Playwright cannot download its own browsers here. */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** Override with E2E_PORT to run two checkouts' suites side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** A plain static server without any special headers (e2e/support/static-server.mjs). */
const PLAIN_PORT = PORT + 1;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Each page boots its own Python runtime and compiles 10 MB of wasm on several threads; on a
  // 2-core machine one test at a time finishes the suite sooner (2.0 min) than two (3.1 min).
  workers: 1,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Every spec against a plain static server that sends no headers at all (the common host).
    { name: "chromium", use: { baseURL: `http://127.0.0.1:${PLAIN_PORT}/` } },
    // The hostile suite again, against vite preview, which sends the isolation headers (COOP/COEP/CSP).
    { name: "isolated", testMatch: /hostile\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${PORT}/` } },
  ],
  webServer: [
    {
      // The production build, as a host that can send headers serves it.
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The same build from a header-less static host.
      command: `node e2e/support/static-server.mjs dist ${PLAIN_PORT}`,
      url: `http://127.0.0.1:${PLAIN_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
