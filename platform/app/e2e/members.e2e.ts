import { expect, test } from "@playwright/test";
import { invitationLink, origin, signIn, uniqueEmail } from "./support";

test("an accepted invitation shows up live in another member's list", async ({ page, browser }) => {
  await signIn(page, "northwind", "admin@northwind.test");
  await page.goto(`${origin("northwind")}/members`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");
  // Survives only if the page is never reloaded.
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });

  const email = uniqueEmail("invitee");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("agency_member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending).toContainText(email);

  const link = await invitationLink(email);
  expect(link.startsWith(`${origin("northwind")}/invite/`)).toBe(true);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(link);
  await expect(invitePage.getByRole("heading", { name: "Join Northwind Media" })).toBeVisible();
  await invitePage.getByLabel("Your name").fill("Ivy Invitee");
  await invitePage.getByLabel("Choose a password").fill("a-long-enough-password");
  await invitePage.getByRole("button", { name: "Create account and join" }).click();
  await expect(invitePage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await invitee.close();

  const members = page.getByRole("table", { name: "Members" });
  await expect(members).toContainText(email);
  await expect(members).toContainText("Ivy Invitee");
  await expect(pending).not.toContainText(email);
  expect(
    await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
});

test("a malformed e-mail is reported beside the field", async ({ page }) => {
  await signIn(page, "northwind", "owner@northwind.test");
  await page.goto(`${origin("northwind")}/members`);
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const field = page.getByLabel("E-mail");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#invite-email-error")).toHaveText("Enter a valid e-mail address");
});

test("a plain member sees the list but no invite form", async ({ page }) => {
  await signIn(page, "northwind", "member@northwind.test");
  await page.goto(`${origin("northwind")}/members`);
  await expect(page.getByRole("table", { name: "Members" })).toContainText("owner@northwind.test");
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
});
