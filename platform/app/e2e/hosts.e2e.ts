import { expect, test } from "@playwright/test";
import { origin, PORT } from "./support";

test("an unknown host gets the platform-branded 404 page with status 404", async ({ page }) => {
  const response = await page.goto(`${origin("no-such-agency")}/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No workspace at this address" })).toBeVisible();
  await expect(page.getByText("Omnify").first()).toBeVisible();
  // Nothing of any tenant leaks onto the page.
  await expect(page.getByText("Northwind")).toHaveCount(0);
});

test("an unknown host's sign-in page is a 404 too", async ({ page }) => {
  const response = await page.goto(`${origin("no-such-agency")}/signin`);
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel("Password")).toHaveCount(0);
});

test("the platform host shows only the platform landing page", async ({ page }) => {
  const response = await page.goto(`http://localhost:${PORT}/`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Omnify" })).toBeVisible();
  await expect(page.getByText("Northwind")).toHaveCount(0);
});
