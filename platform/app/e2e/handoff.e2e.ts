import { expect, test } from "@playwright/test";
import { origin, signIn } from "./support";

test("the agency owner opens a sub-account through a one-time handoff", async ({ page }) => {
  await signIn(page, "northwind", "owner@northwind.test");
  await page.getByLabel("Sub-account", { exact: true }).selectOption({ label: "Acme Bakery" });
  await page.getByRole("button", { name: "Open", exact: true }).click();

  await expect(page).toHaveURL(`${origin("acme.northwind")}/`);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toContainText("Nora Owner");
  await expect(page.getByRole("link", { name: /Back to Northwind Media/ })).toBeVisible();
});

test("a used or made-up handoff token is refused with a way forward", async ({ page }) => {
  await page.goto(`${origin("acme.northwind")}/handoff?token=not-a-real-token`);
  await expect(page.getByText("This sign-in link is invalid or has expired")).toBeVisible();
  await page.getByRole("link", { name: "Sign in here" }).click();
  await expect(page).toHaveURL(/\/signin/);
});
