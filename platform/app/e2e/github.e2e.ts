import { type Browser, expect, type Page, test } from "@playwright/test";
import { origin, uniqueEmail } from "./support";

/**
 * GitHub sign-in end to end: next-auth's GitHub provider, pointed by GITHUB_OAUTH_URL and
 * GITHUB_API_URL at the local fake GitHub that `npm test` starts (platform/launcher/src/
 * fake-github.ts), which speaks GitHub's OAuth and API wire format. GitHub never creates an
 * account: it signs in an existing user with a role on this host, found by a verified e-mail.
 */
const HOST = "northwind";

/** Clicks "Continue with GitHub", then answers GitHub's sign-in page as `email`. */
async function continueWithGithub(page: Page, email: string, verified = true) {
  await page.goto(`${origin(HOST)}/signin`);
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to GitHub" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/login/oauth/authorize");
  await page.getByLabel("GitHub account e-mail").fill(email);
  if (!verified) await page.getByLabel("E-mail verified").uncheck();
  await page.getByRole("button", { name: "Authorize" }).click();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a member whose verified GitHub e-mail matches signs in and gets a session", async ({
  browser,
}) => {
  const { context, page } = await freshPage(browser);
  await continueWithGithub(page, "member@northwind.test");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(origin(HOST)).host);
  await expect(page.getByTestId("user-menu")).toContainText("Mia Member");
  // The session is the server-side kind: a reload is still signed in.
  await page.reload();
  await expect(page.getByTestId("user-menu")).toContainText("Mia Member");
  await context.close();
});

test("GitHub sign-in is refused for an unknown e-mail, an unverified one, and another tenant's user", async ({
  browser,
}) => {
  const cases = [
    { why: "no account", email: uniqueEmail("github"), verified: true },
    { why: "address not verified on GitHub", email: "admin@northwind.test", verified: false },
    { why: "no role in this tenant", email: "owner@evergreen.test", verified: true },
  ];
  for (const c of cases) {
    const { context, page } = await freshPage(browser);
    await continueWithGithub(page, c.email, c.verified);
    // Back on this tenant's sign-in page, with one message that says nothing about why.
    await expect(page.getByText("We could not sign you in with that account.")).toBeVisible();
    expect(new URL(page.url()).pathname, c.why).toBe("/signin");
    // And no session: the portal sends the visitor back to sign in.
    await page.goto(`${origin(HOST)}/`);
    await expect(page, c.why).toHaveURL(/\/signin(\?|$)/);
    await context.close();
  }
});
