import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { invokePlugin, origin, signIn } from "./support";

/**
 * A plugin meters usage through its own procedure (utm-links' clicks.record calls
 * ctx.meter) and the usage page shows it. utm-links is enabled for northwind by the
 * tenants config; the stack may be reused, so the test compares before and after.
 */
const invoke = (page: Page, procedure: string, input: unknown) =>
  invokePlugin(page, "utm-links", procedure, input);

/** The month's clicks on the page once its data has loaded (0 before the first click). */
const used = async (page: Page) => {
  await expect(page.getByTestId("used-api.calls")).toBeVisible();
  const cell = page.getByTestId("used-utm-links.clicks");
  if ((await cell.count()) === 0) return 0;
  return Number(((await cell.textContent()) ?? "0").replace(/,/g, ""));
};

test("northwind: clicks metered by the utm-links plugin appear on the usage page", async ({
  page,
}) => {
  await signIn(page, "northwind", "admin@northwind.test");
  await page.getByRole("link", { name: "Usage" }).click();
  await expect(page).toHaveURL(`${origin("northwind")}/settings/usage`);
  await expect(page.getByTestId("meter-api.calls")).toBeVisible();
  await expect(page.getByTestId("meter-ai.tokens")).toContainText("AI tokens a month");
  const before = await used(page);

  const slug = `usage-${randomUUID().slice(0, 8)}`;
  const link = await invoke(page, "links.create", {
    destination: "https://example.com/spring",
    campaign: "spring",
    slug,
  });
  expect(link.status).toBe(200);
  const clickId = `click-${randomUUID()}`;
  for (const id of [clickId, clickId, `click-${randomUUID()}`]) {
    const res = await invoke(page, "clicks.record", { slug, clickId: id });
    expect(res.status).toBe(200);
  }

  // Two distinct clicks (the repeated clickId is metered once), shown for today.
  await expect(async () => {
    await page.reload();
    expect(await used(page)).toBe(before + 2);
  }).toPass({ timeout: 20_000 });
  const card = page.getByTestId("meter-utm-links.clicks");
  await expect(card.getByRole("heading", { name: "utm-links · clicks" })).toBeVisible();
  const today = new Date().toISOString().slice(5, 10);
  await expect(card.getByRole("table", { name: "utm-links · clicks per day" })).toContainText(
    today,
  );
});
