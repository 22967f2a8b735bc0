import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect, type Page, test } from "@playwright/test";
import { invitationLink, origin, PASSWORD, signIn, uniqueEmail } from "./support";

const HOST = "northwind";
const NEW_PASSWORD = "a-long-enough-password";

const currentStep = () => Math.floor(Date.now() / 30_000);
let lastStep = 0;

/**
 * A code as an authenticator app would show it, one time step ahead (accepted as clock
 * drift) and for a later step than any code used before: the server refuses a step twice,
 * so this waits for the clock to move on when it must.
 */
async function freshCode(secret: string): Promise<string> {
  await expect
    .poll(() => currentStep() + 1 > lastStep, { timeout: 40_000, intervals: [1_000] })
    .toBe(true);
  lastStep = currentStep() + 1;
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(lastStep), 6);
}

/** A test-only client address, so failed codes here never lock out localhost for other tests. */
const someIp = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function passwordStep(page: Page, email: string) {
  await page.goto(`${origin(HOST)}/signin`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByTestId("user-menu").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${origin(HOST)}/signin`);
}

test("invite → accept → enrol TOTP → sign in with password + code; a recovery code works once", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000); // may wait up to one 30-second TOTP step
  await signIn(page, HOST, "admin@northwind.test", PASSWORD);
  await page.goto(`${origin(HOST)}/members`);
  const email = uniqueEmail("mfa");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("agency_member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = await invitationLink(email);

  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someIp() } });
  const me = await context.newPage();
  await me.goto(link);
  await me.getByLabel("Your name").fill("Mia Mfa");
  await me.getByLabel("Choose a password").fill(NEW_PASSWORD);
  await me.getByRole("button", { name: "Create account and join" }).click();
  await expect(me.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // Enrol: the secret is on the page (beside the QR code), as a person would type it in.
  await me.getByRole("link", { name: "Security" }).click();
  await me.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(me.getByAltText("QR code for your authenticator app")).toBeVisible();
  const secret = (await me.getByTestId("mfa-secret").textContent()) ?? "";
  await expect(me.getByTestId("mfa-uri")).toContainText("otpauth://totp/");
  await me.getByLabel("Code from the app").fill("000000");
  await me.getByRole("button", { name: "Turn on" }).click();
  await expect(me.locator("#mfa-code-error")).toContainText("not valid");
  await me.getByLabel("Code from the app").fill(await freshCode(secret));
  await me.getByRole("button", { name: "Turn on" }).click();
  await expect(me.getByTestId("recovery-codes").locator("code")).toHaveCount(10);
  const codes = (await me.getByTestId("recovery-codes").locator("code").allTextContents()).map(
    (c) => c.trim(),
  );
  expect(codes).toHaveLength(10);
  await me.getByRole("button", { name: "I saved them" }).click();
  await expect(me.getByText(/10 recovery codes left/)).toBeVisible();
  await signOut(me);

  // Password alone is not enough any more; the TOTP code completes the sign-in.
  await passwordStep(me, email);
  const code = await freshCode(secret);
  await me.getByLabel("Authentication code").fill(code);
  await me.getByRole("button", { name: "Verify" }).click();
  await expect(me.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(me);

  // The same code again, still inside its 30-second window: refused.
  await passwordStep(me, email);
  await me.getByLabel("Authentication code").fill(code);
  await me.getByRole("button", { name: "Verify" }).click();
  await expect(me.getByText("That code is not valid.")).toBeVisible();

  // A recovery code signs in once…
  const recovery = codes[0] ?? "";
  await me.getByLabel("Authentication code").fill(recovery);
  await me.getByRole("button", { name: "Verify" }).click();
  await expect(me.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(me);

  // …and never again.
  await passwordStep(me, email);
  await me.getByLabel("Authentication code").fill(recovery);
  await me.getByRole("button", { name: "Verify" }).click();
  await expect(me.getByText("That code is not valid.")).toBeVisible();
  await context.close();
});
