import { expect, type Page, test } from "@playwright/test";
import { origin, signIn } from "./support";

/** Fetches from the page (Node cannot resolve *.localhost; the browser can). */
function fetchFromPage(page: Page, path: string) {
  return page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text() };
  }, path);
}

const HOST = "northwind";
const OWNER = "owner@northwind.test";

test("an owner defines a custom role with the permission matrix", async ({ page }) => {
  await signIn(page, HOST, OWNER);
  await page.goto(`${origin(HOST)}/settings/roles`);
  // The member table comes from a client query, so it shows once the page is interactive.
  await expect(page.getByRole("table", { name: "Member access" }).getByText(OWNER)).toBeVisible();
  const name = `Analysts ${Date.now().toString(36)}`;
  const form = page.getByRole("form", { name: "Create role" });
  await form.getByLabel("Role name").fill(name);
  await form.getByLabel("analytics read").check();
  await form.getByLabel("audit write").check();
  // Ticking write ticks read too.
  await expect(form.getByLabel("audit read")).toBeChecked();
  await form.getByRole("button", { name: "Create role" }).click();
  const card = page.getByRole("heading", { name, level: 2 });
  await expect(card).toBeVisible();
  await expect(page.getByRole("form", { name: "Create role" }).getByLabel("Role name")).toHaveValue(
    "",
  );
});

test("the audit log shows the sign-in and exports the same rows as CSV", async ({ page }) => {
  await signIn(page, HOST, OWNER);
  await page.goto(`${origin(HOST)}/audit`);
  await expect(
    page.getByRole("table", { name: "Audit records" }).getByText(OWNER).first(),
  ).toBeVisible();
  await page.getByLabel("Action (e.g. member. or role.*)").fill("auth.signin.");
  await page.getByRole("button", { name: "Apply" }).click();
  const table = page.getByRole("table", { name: "Audit records" });
  await expect(table.getByText("auth.signin.succeeded").first()).toBeVisible();
  await expect(table.getByText(OWNER).first()).toBeVisible();

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toBe("/audit/export.csv?action=auth.signin.");
  const response = await fetchFromPage(page, href ?? "");
  expect(response.status).toBe(200);
  expect(response.type).toContain("text/csv");
  const csv = response.body;
  expect(csv.split("\r\n")[0]).toBe(
    "occurred_at,actor_label,actor_user_id,action,target_type,target_id,ip,user_agent,metadata",
  );
  expect(csv).toContain(`,${OWNER},`);
  expect(csv).toContain(",auth.signin.succeeded,");
});

test("members without audit.read get neither the pages nor the CSV", async ({ page }) => {
  await signIn(page, HOST, "member@northwind.test");
  for (const path of ["/audit", "/settings/roles"]) {
    const response = await page.goto(`${origin(HOST)}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  expect((await fetchFromPage(page, "/audit/export.csv")).status).toBe(403);
  // Signed in on northwind only: sunset's host has no session for this browser.
  const signedOut = await page.goto(`${origin("sunset")}/audit/export.csv`);
  expect(signedOut?.status()).toBe(401);
});
