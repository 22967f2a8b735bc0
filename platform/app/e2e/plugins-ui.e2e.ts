import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { getViaLoopback, origin, signIn } from "./support";

/**
 * Plugin UI slots against the running product (docs/PLUGINS-CONTRACT.md): utm-links is
 * enabled for northwind through tenants-config and not for sunset. Needs plugins/utm-links
 * built (`npm start` runs the turbo build) and registered in the catalog.
 */
const PLUGIN = "utm-links";
const record = () =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../../plugins/${PLUGIN}/dist/omnify-plugin.json`),
      "utf8",
    ),
  ) as { version: string; ui: { files: Record<string, string> } };

const cards = (page: Page) => page.getByTestId("plugin-dashboard-cards");
const card = (page: Page) => cards(page).locator(`[data-plugin="${PLUGIN}"]`);
const navLink = (page: Page) => page.locator(`nav a[href="/p/${PLUGIN}"]`);

/**
 * GET from inside the page (same origin, with its cookies): Node cannot resolve
 * `*.localhost`, the browser can.
 */
function browserGet(page: Page, path: string) {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  }, path);
}

/** `plugins.enabledUi` as the signed-in browser sees it (superjson envelope). */
async function enabledUi(page: Page): Promise<Array<{ pluginId: string }>> {
  const res = await browserGet(page, "/api/trpc/plugins.enabledUi");
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { result: { data: { json: Array<{ pluginId: string }> } } })
    .result.data.json;
}

test("northwind: the plugin's dashboard card and nav item render, and its page calls a procedure", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, "northwind", "admin@northwind.test");

  await expect(card(page)).toBeVisible();
  await expect(card(page).getByTestId("plugin-slot-loading")).toHaveCount(0);
  await expect(card(page).getByTestId("plugin-slot-error")).toHaveCount(0);
  await expect(navLink(page)).toBeVisible();
  expect((await enabledUi(page)).map((e) => e.pluginId)).toContain(PLUGIN);

  const call = page.waitForResponse((r) => r.url().includes("/api/trpc/plugins.invoke"));
  await navLink(page).click();
  await expect(page).toHaveURL(`${origin("northwind")}/p/${PLUGIN}`);
  const slot = page.getByTestId("plugin-page");
  await expect(slot).toBeVisible();
  await expect(slot.getByTestId("plugin-slot-error")).toHaveCount(0);
  expect((await call).status()).toBe(200);
  await expect(slot.getByTestId("plugin-slot-loading")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("northwind: every response carries the CSP and plugin assets are immutable", async ({
  page,
}) => {
  await signIn(page, "northwind", "admin@northwind.test");
  const response = await page.goto(`${origin("northwind")}/`);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  const { version } = record();
  const asset = await browserGet(page, `/_plugins/${PLUGIN}/${version}/ui/mf-manifest.json`);
  expect(asset.status).toBe(200);
  expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  const traversal = await browserGet(
    page,
    `/_plugins/${PLUGIN}/${version}/ui/..%2F..%2Fpackage.json`,
  );
  expect(traversal.status).toBe(404);
});

test("northwind: a tampered remote is refused and only its slot shows the error", async ({
  page,
}) => {
  await page.route(`**/_plugins/${PLUGIN}/**/remoteEntry.*.js`, async (route) => {
    const original = await getViaLoopback(route.request().url());
    await route.fulfill({
      status: 200,
      contentType: "application/javascript",
      body: `${original}\n;window.__pwned = 1;`,
    });
  });
  await signIn(page, "northwind", "admin@northwind.test");
  const error = card(page).getByTestId("plugin-slot-error");
  await expect(error).toContainText("failed to load: integrity check failed");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("sunset: nothing is mounted, yet the global catalog's assets are still served", async ({
  page,
}) => {
  await signIn(page, "sunset", "owner@sunset.test");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
  await expect(navLink(page)).toHaveCount(0);
  expect(await enabledUi(page)).toEqual([]);
  expect((await page.goto(`${origin("sunset")}/p/${PLUGIN}`))?.status()).toBe(404);

  const { version, ui } = record();
  const file = Object.keys(ui.files).find((f) => f.includes("remoteEntry")) ?? "missing";
  await page.goto(`${origin("sunset")}/`);
  const res = await browserGet(page, `/_plugins/${PLUGIN}/${version}/${file}`);
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toContain("javascript");
});
