import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { invokePlugin, origin, signIn } from "./support";

/**
 * Agency rebilling: Northwind prices its client Acme (base fee, 20% markup on utm-links
 * clicks) with a spend cap; Acme clicks until the cap and is then refused with a message
 * naming the cap and the agency; its upcoming invoice shows the clicks line and the events
 * behind it. The stack may be reused, so the cap is set relative to what Acme has spent.
 */
const invoke = (page: Page, procedure: string, input: unknown) =>
  invokePlugin(page, "utm-links", procedure, input);

const cents = (text: string | null) =>
  Math.round(Number((text ?? "").replace(/[^0-9.]/g, "")) * 100);

/** Puts Acme on `plan` with no cap and waits until the plans table counts it. */
async function putAcmeOn(page: Page, plan: string) {
  const acme = page.getByRole("region", { name: "Acme Bakery" });
  await acme.getByLabel("Plan").selectOption({ label: plan });
  await acme.getByLabel("Monthly spend cap ($)").fill("");
  await acme.getByRole("button", { name: "Save" }).click();
  const row = page.getByRole("row", { name: new RegExp(plan) });
  await expect(row.getByRole("cell").nth(4)).toHaveText("1");
}

test("an agency rebills a client with markup and a spend cap that stops it", async ({ page }) => {
  await signIn(page, "northwind", "owner@northwind.test");
  await page.getByRole("link", { name: "Client plans" }).click();
  await expect(page).toHaveURL(`${origin("northwind")}/settings/rebilling`);

  // A bad price is refused beside its field, and nothing is created.
  const plan = `Growth ${randomUUID().slice(0, 6)}`;
  const form = page.getByRole("form", { name: "New client plan" });
  await form.getByLabel("Plan name").fill(plan);
  await form.getByLabel("Monthly base fee ($)").fill("10");
  await form.getByLabel("Markup on usage (%)").fill("20");
  await form.getByLabel("Meter").fill("utm-links.clicks");
  await form.getByLabel("Unit price ($)").fill("-1");
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(form).toContainText("must be a number of at least 0");
  await expect(
    page.getByRole("table", { name: "Plans you sell to your clients" }),
  ).not.toContainText(plan);
  await form.getByLabel("Unit price ($)").fill("1");
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("table", { name: "Plans you sell to your clients" })).toContainText(
    plan,
  );

  // Acme on the plan, no cap yet: read what it has spent this month at these prices.
  await putAcmeOn(page, plan);
  const spendLine = page
    .getByRole("region", { name: "Acme Bakery" })
    .getByText("metered this month");
  await expect(spendLine).toBeVisible();
  const before = cents(((await spendLine.textContent()) ?? "").split(" ")[0] ?? "");
  // Room for exactly two more clicks: 2 × $1.00 × 1.2.
  const cap = before + 240;
  await page
    .getByRole("region", { name: "Acme Bakery" })
    .getByLabel("Monthly spend cap ($)")
    .fill((cap / 100).toFixed(2));
  await page
    .getByRole("region", { name: "Acme Bakery" })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(page.getByRole("region", { name: "Acme Bakery" })).toContainText(
    `of $${(cap / 100).toFixed(2)}`,
  );

  // Acme uses the metered feature until the cap.
  await signIn(page, "acme.northwind", "admin@acme.test");
  const slug = `cap-${randomUUID().slice(0, 8)}`;
  const link = await invoke(page, "links.create", {
    destination: "https://example.com/cap",
    campaign: "cap",
    slug,
  });
  expect(link.status).toBe(200);
  for (let i = 0; i < 2; i++) {
    const ok = await invoke(page, "clicks.record", { slug, clickId: `c-${randomUUID()}` });
    expect(ok.status, ok.body).toBe(200);
  }
  const refused = await invoke(page, "clicks.record", { slug, clickId: `c-${randomUUID()}` });
  expect(refused.status).not.toBe(200);
  const money = `$${(cap / 100).toFixed(2)}`;
  expect(refused.body).toContain(
    `Spend cap reached: Acme Bakery has used ${money} of its ${money} monthly cap. Ask Northwind Media to raise it.`,
  );

  // The client sees it is stopped, and the upcoming invoice traces the clicks line.
  await page.goto(`${origin("acme.northwind")}/settings/rebilling`);
  await expect(page.getByText("Stopped: spend cap reached")).toBeVisible();
  const lines = page.getByTestId("invoice-lines").first();
  const clicks = lines.locator("summary", { hasText: "utm-links.clicks" });
  await expect(clicks).toBeVisible();
  await clicks.click();
  const events = page.getByRole("table", { name: "Usage events behind this line" });
  await expect(events).toBeVisible();
  await expect(events.locator("tbody tr")).toHaveCount(before / 120 + 2);
  await expect(events).toContainText("plugin:utm-links");
});

test("an agency connects Stripe and invoices a client on its connected account", async ({
  page,
}) => {
  await signIn(page, "northwind", "owner@northwind.test");
  await page.goto(`${origin("northwind")}/settings/rebilling`);
  const status = page.getByTestId("connect-status");
  await expect(status).not.toContainText("Checking Stripe");
  if (!((await status.textContent()) ?? "").includes("charges enabled")) {
    await page.getByRole("button", { name: /Connect Stripe|Finish Stripe onboarding/ }).click();
    // The fake Stripe's hosted onboarding page, then back to the portal.
    await expect(
      page.getByRole("heading", { name: "Set up payouts for Northwind Media" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page).toHaveURL(`${origin("northwind")}/settings/rebilling?connect=return`);
  }
  await expect(status).toContainText("Connected: charges enabled");

  const plan = `Base ${randomUUID().slice(0, 6)}`;
  const form = page.getByRole("form", { name: "New client plan" });
  await form.getByLabel("Plan name").fill(plan);
  await form.getByLabel("Monthly base fee ($)").fill("25");
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("table", { name: "Plans you sell to your clients" })).toContainText(
    plan,
  );
  await putAcmeOn(page, plan);
  await page
    .getByRole("region", { name: "Acme Bakery" })
    .getByRole("button", { name: "Invoice last month now" })
    .click();

  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const invoice = page.getByTestId(`client-invoice-Acme Bakery-${month}`);
  await expect(invoice).toContainText("open");
  await expect(invoice.getByRole("link", { name: "On Stripe" })).toBeVisible();
});
