import { getTheme } from "@omnify/themes";
import { expect, test } from "@playwright/test";
import { cssVar, origin, PASSWORD, signIn } from "./support";

test("a protected page sends a visitor to sign-in and back afterwards", async ({ page }) => {
  await page.goto(`${origin("northwind")}/members`);
  await expect(page).toHaveURL(`${origin("northwind")}/signin?callbackUrl=%2Fmembers`);
  await page.getByLabel("E-mail").fill("admin@northwind.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${origin("northwind")}/members`);
  await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
});

test("a wrong password gets one generic message", async ({ page }) => {
  await page.goto(`${origin("northwind")}/signin`);
  await page.getByLabel("E-mail").fill("owner@northwind.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("E-mail or password is incorrect.")).toBeVisible();

  // An unknown account reads exactly the same.
  await page.getByLabel("E-mail").fill("nobody@northwind.test");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("E-mail or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("a member of another tenant cannot sign in here", async ({ page }) => {
  await page.goto(`${origin("sunset")}/signin`);
  await page.getByLabel("E-mail").fill("owner@northwind.test");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("E-mail or password is incorrect.")).toBeVisible();
});

test("each agency's portal renders in its own theme", async ({ page }) => {
  await signIn(page, "northwind", "owner@northwind.test");
  const northwind = await cssVar(page, "--omni-color-primary");
  expect(northwind).toBe(getTheme("aurora").colors.primary);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "aurora");
  await expect(page).toHaveTitle(/Northwind Media/);

  await signIn(page, "sunset", "owner@sunset.test");
  const sunset = await cssVar(page, "--omni-color-primary");
  expect(sunset).toBe(getTheme("ember").colors.primary);
  expect(sunset).not.toBe(northwind);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "ember");
});

test("sign-out ends the session on the server, not just in the browser", async ({
  page,
  browser,
}) => {
  await signIn(page, "northwind", "member@northwind.test");
  const stolen = await page.context().cookies();
  expect(stolen.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(`${origin("northwind")}/signin`);
  await page.goto(`${origin("northwind")}/`);
  await expect(page).toHaveURL(/\/signin/);

  // Replaying the old cookie in a fresh browser gets nowhere: the session row is revoked.
  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  const other = await replay.newPage();
  await other.goto(`${origin("northwind")}/`);
  await expect(other).toHaveURL(/\/signin/);
  await replay.close();
});
