import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { defaultThemeId, getTheme, hexToRgb, themeIds } from "@omnify/themes";
import { expect, type Page, test } from "@playwright/test";
import { type StaticServer, serveStatic } from "./static-server";

// Built by the test orchestrator (npm run build-storybook -w @omnify/ui); this file never builds.
const STORYBOOK_DIR = fileURLToPath(new URL("../storybook-static", import.meta.url));

let server: StaticServer;

test.beforeAll(async () => {
  // Throws (failing every test) when the build is missing: a skipped smoke test hides a broken build.
  server = await serveStatic(STORYBOOK_DIR);
});

test.afterAll(async () => {
  await server?.close();
});

/** Computed styles report colours as rgb(), so theme hex values are converted for comparison. */
function rgb(hex: string): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Collects console errors and uncaught exceptions so a test can assert there were none. */
function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  // The console only says "404"; record the URL so a failure names the missing file.
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`http ${res.status()}: ${res.url()}`);
  });
  return errors;
}

async function openStory(page: Page, storyId: string, themeId: string): Promise<void> {
  await page.goto(
    `${server.url}/iframe.html?id=${storyId}&viewMode=story&globals=theme:${themeId}`,
  );
  // Storybook adds sb-show-main once the story rendered, sb-show-errordisplay if it threw.
  await expect(page.locator("body")).toHaveClass(/sb-show-main/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", themeId);
}

for (const themeId of themeIds) {
  test.describe(`theme ${themeId}`, () => {
    const theme = getTheme(themeId);

    test("primary button is painted with the theme's primary colour", async ({ page }) => {
      const errors = trackErrors(page);
      await openStory(page, "components-button--primary", themeId);
      const button = page.locator("#storybook-root button.omni-button--primary");
      await expect(button).toBeVisible();
      await expect(button).toHaveCSS("background-color", rgb(theme.colors.primary));
      await expect(button).toHaveCSS("color", rgb(theme.colors.primaryForeground));
      await expect(page.locator("body")).toHaveCSS(
        "background-color",
        rgb(theme.colors.background),
      );
      expect(errors).toEqual([]);
    });

    test("app shell renders brand and active nav without console errors", async ({ page }) => {
      const errors = trackErrors(page);
      await openStory(page, "layout-appshell--default", themeId);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.locator(".omni-brand__text")).toHaveText(theme.logo.text);
      await expect(page.locator('[aria-current="page"]')).toContainText("Dashboard");
      await expect(page.getByRole("main")).toBeVisible();
      expect(errors).toEqual([]);
    });

    for (const [story, action] of [
      ["invitation", "Accept the invitation"],
      ["password-reset", "Choose a new password"],
    ] as const) {
      test(`${story} e-mail is painted in the theme, and in a brand override`, async ({ page }) => {
        const errors = trackErrors(page);
        await openStory(page, `emails-transactional--${story}`, themeId);
        let mail = page.frameLocator('iframe[title="E-mail"]');
        await expect(mail.getByRole("link", { name: action })).toHaveCSS(
          "background-color",
          rgb(theme.colors.primary),
        );
        await expect(mail.locator('[data-omnify-mail="brand"]')).toHaveText(theme.label);

        await openStory(page, `emails-transactional--${story}-with-brand`, themeId);
        mail = page.frameLocator('iframe[title="E-mail"]');
        await expect(mail.getByRole("link", { name: action })).toHaveCSS(
          "background-color",
          "rgb(11, 92, 173)",
        );
        await expect(mail.getByRole("img", { name: "Acme Reach" })).toBeVisible();
        await expect(mail.locator('[data-omnify-mail="footer"]')).toContainText(
          "help@acme.example",
        );
        expect(errors).toEqual([]);
      });
    }
  });
}

test("every story renders without errors under the default theme", async ({ page }) => {
  const index = JSON.parse(await readFile(`${STORYBOOK_DIR}/index.json`, "utf8")) as {
    entries: Record<string, { id: string; type: string }>;
  };
  const storyIds = Object.values(index.entries)
    .filter((entry) => entry.type === "story")
    .map((entry) => entry.id);
  expect(storyIds.length).toBeGreaterThan(10);
  // One page load per story; the budget grows with the catalogue instead of a fixed 60 s.
  test.setTimeout(storyIds.length * 5_000);
  const errors = trackErrors(page);
  for (const id of storyIds) {
    await openStory(page, id, defaultThemeId);
    await expect(page.locator("body"), `story ${id} threw`).not.toHaveClass(/sb-show-errordisplay/);
  }
  expect(errors).toEqual([]);
});
