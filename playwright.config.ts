import { defineConfig } from "@playwright/test";

/**
 * Browser tests drive Debian's chromium: Playwright's own browser download cannot work
 * offline. `scripts/test.ts` starts the whole product before this runs and passes its
 * port in OMNIFY_E2E_PORT; every `*.e2e.ts` in the repo is collected.
 */
const chromium = process.env.OMNIFY_CHROMIUM ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.e2e.ts",
  testIgnore: ["**/node_modules/**", "**/.next/**"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: ".data/test-results",
  use: {
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
