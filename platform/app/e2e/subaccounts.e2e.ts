import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

/** An agency admin creates a client workspace from the dashboard; a bad address is refused. */
test("northwind creates a sub-account from the dashboard", async ({ page }) => {
  await signIn(page, "northwind", "owner@northwind.test");
  const form = page.getByRole("form", { name: "New sub-account" });
  const name = `Client ${randomUUID().slice(0, 6)}`;
  await form.getByLabel("Client name").fill(name);
  await form.getByLabel("Address").fill("Not a slug!");
  await form.getByRole("button", { name: "Create sub-account" }).click();
  await expect(form).toContainText("lowercase letters, digits and dashes");

  const slug = `client-${randomUUID().slice(0, 6)}`;
  await form.getByLabel("Address").fill(slug);
  await form.getByRole("button", { name: "Create sub-account" }).click();
  await expect(form).toContainText(`${name} is ready.`);
  // It is in the switcher at once.
  await expect(page.getByLabel("Sub-account").locator("option", { hasText: name })).toHaveCount(1);
});
