import { expect, test } from "@playwright/test";
import { invitationLink, origin, signIn, uniqueEmail } from "./support";

test("removing a member ends their session at once", async ({ page, browser }) => {
  await signIn(page, "northwind", "admin@northwind.test");
  await page.goto(`${origin("northwind")}/members`);
  const email = uniqueEmail("leaver");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("agency_member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();

  const leaver = await browser.newContext();
  const leaverPage = await leaver.newPage();
  await leaverPage.goto(await invitationLink(email));
  await leaverPage.getByLabel("Your name").fill("Lee Leaver");
  await leaverPage.getByLabel("Choose a password").fill("a-long-enough-password");
  await leaverPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(leaverPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  const members = page.getByRole("table", { name: "Members" });
  const row = members.getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(members).not.toContainText(email);

  await leaverPage.goto(`${origin("northwind")}/members`);
  await expect(leaverPage).toHaveURL(/\/signin/);
  await leaver.close();
});
