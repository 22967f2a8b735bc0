import { expect, test } from "@playwright/test";
import { origin, signIn } from "./support";

// Runs against `npm start` without STRIPE_SECRET_KEY: the launcher's fake Stripe serves
// Checkout, and its Pay button sends signed webhooks that the worker applies.
test("an agency owner upgrades through Checkout and sees the plan, usage and invoice", async ({
  page,
}) => {
  await signIn(page, "evergreen", "owner@evergreen.test");
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page).toHaveURL(`${origin("evergreen")}/settings/billing`);
  await expect(page.getByRole("table", { name: "Usage against plan limits" })).toContainText(
    "Seats",
  );

  // The stack may be reused: upgrade to whichever paid plan the tenant is not on yet.
  const current = (await page.getByTestId("current-plan").textContent()) ?? "";
  const target = current.includes("Basic") ? "Pro" : "Basic";
  await page.getByRole("button", { name: new RegExp(`(Upgrade|Switch) to ${target}`) }).click();
  // From Free, Checkout; a live subscription changes in place (prorated) without it.
  if (current.includes("Free")) {
    await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
    await page.getByRole("button", { name: "Pay" }).click();
  }

  await expect(page).toHaveURL(`${origin("evergreen")}/settings/billing?checkout=success`);
  // The webhook is processed by the worker after the redirect; reload until it shows.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("current-plan")).toContainText(target, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("table", { name: "Invoices" })).toContainText("paid");
  await expect(page.getByRole("button", { name: "Manage payment and invoices" })).toBeVisible();
});
