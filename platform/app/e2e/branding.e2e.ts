import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ico, png } from "../../core/test/branding/images";
import { cssVar, origin, signIn, uniqueEmail } from "./support";

const BLUE = "#0b5cad";
const BLUE_RGB = "rgb(11, 92, 173)";

type Mail = {
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
};

/** Waits for the mail to `to` in OMNIFY_MAIL_OUTBOX (written by the product's log mailer). */
async function mailTo(to: string): Promise<Mail> {
  const outbox = process.env.OMNIFY_MAIL_OUTBOX;
  if (!outbox) throw new Error("OMNIFY_MAIL_OUTBOX must point at the product's mail outbox");
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        for (const file of (await readdir(outbox)).filter((f) => f.endsWith(".json"))) {
          const mail = JSON.parse(await readFile(join(outbox, file), "utf8")) as Mail;
          if (mail.to === to) found = mail;
        }
        return Boolean(found);
      },
      { message: `mail to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return found as Mail;
}

const colour = (page: Page, name: string) =>
  page.getByRole("textbox", { name: new RegExp(`\\(${name}\\)$`) });

async function resetBrand(page: Page) {
  await page.goto(`${origin("northwind")}/settings/branding`);
  await page.getByLabel("Product name").fill("");
  await page.getByLabel("Support e-mail").fill("");
  await colour(page, "primary").fill("");
  await colour(page, "primaryForeground").fill("");
  for (const name of ["Remove logo", "Remove favicon"]) {
    const remove = page.getByRole("button", { name });
    if (await remove.isVisible()) await remove.click();
  }
  await page.getByRole("button", { name: "Save brand" }).click();
  await expect(page.getByText("Brand saved.")).toBeVisible();
}

test("an agency admin brands the portal: preview, sign-in page and invitation e-mail", async ({
  page,
  browser,
}) => {
  await signIn(page, "northwind", "owner@northwind.test");
  await page.getByRole("link", { name: "Branding" }).click();
  await expect(page).toHaveURL(`${origin("northwind")}/settings/branding`);
  try {
    // A pair below WCAG AA: warned while typing, and refused by the server with the ratio.
    await colour(page, "primary").fill("#ffff00");
    await colour(page, "primaryForeground").fill("#ffffff");
    await expect(page.getByTestId("contrast-warnings")).toContainText("Text on primary buttons");
    await page.getByRole("button", { name: "Save brand" }).click();
    await expect(page.getByTestId("brand-errors")).toContainText(
      /Text on primary buttons \(primaryForeground #ffffff on primary #ffff00\) has contrast 1\.\d\d:1; WCAG AA needs 4\.5:1/,
    );

    await colour(page, "primary").fill(BLUE);
    await page.getByLabel("Product name").fill("Northwind Studio");
    await page.getByLabel("Support e-mail").fill("help@northwind.test");
    await page.getByLabel("Logo", { exact: true }).setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: png(160, 48, [11, 92, 173]),
    });
    await page
      .getByLabel("Favicon", { exact: true })
      .setInputFiles({ name: "favicon.ico", mimeType: "image/x-icon", buffer: ico(32) });
    await expect(page.getByTestId("contrast-warnings")).toHaveCount(0);

    // The live preview shows the draft before saving: shell, sign-in card and e-mail.
    const preview = page.getByTestId("brand-preview");
    await expect(preview.getByRole("img", { name: "Northwind Studio" }).first()).toBeVisible();
    await expect(preview.getByRole("button", { name: "Primary action" })).toHaveCSS(
      "background-color",
      BLUE_RGB,
    );
    const mailPreview = page.frameLocator('iframe[title="E-mail preview"]');
    await expect(mailPreview.getByRole("link", { name: "Accept the invitation" })).toHaveCSS(
      "background-color",
      BLUE_RGB,
    );
    await expect(mailPreview.getByText("help@northwind.test")).toBeVisible();

    await page.getByRole("button", { name: "Save brand" }).click();
    await expect(page.getByText("Brand saved.")).toBeVisible();

    // Signed out, on the agency host: the sign-in page carries the new logo and colours.
    const visitor = await browser.newContext();
    const signin = await visitor.newPage();
    await signin.goto(`${origin("northwind")}/signin`);
    const logo = signin.getByRole("img", { name: "Northwind Studio" });
    await expect(logo).toBeVisible();
    expect(await cssVar(signin, "--omni-color-primary")).toBe(BLUE);
    await expect(signin.locator('link[rel="icon"]')).toHaveAttribute(
      "href",
      /^\/brand-assets\/[0-9a-f]{64}$/,
    );
    const src = await logo.getAttribute("src");
    expect(src).toMatch(/^\/brand-assets\/[0-9a-f]{64}$/);
    // Through the browser: it maps *.localhost to loopback, Node's resolver does not.
    const asset = await signin.goto(`${origin("northwind")}${src}`);
    expect(asset?.headers()["content-type"]).toBe("image/png");
    expect(asset?.headers()["cache-control"]).toContain("immutable");
    expect(asset?.headers()["x-content-type-options"]).toBe("nosniff");
    // A sub-account's host inherits the agency brand.
    await signin.goto(`${origin("acme.northwind")}/signin`);
    await expect(signin.getByRole("img", { name: "Northwind Studio" })).toBeVisible();
    await visitor.close();

    // An invitation e-mail carries the brand and the sender identity.
    const email = uniqueEmail("branded");
    await page.goto(`${origin("northwind")}/members`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Role").selectOption("agency_member");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
    const mail = await mailTo(email);
    expect(mail.from).toMatch(/^"Northwind Studio" <no-reply@[^>]+>$/);
    expect(mail.replyTo).toBe("help@northwind.test");
    expect(mail.html).toContain(`src="${origin("northwind")}${src}"`);
    expect(mail.html).toContain(`background:${BLUE}`);
    expect(mail.text).toContain("Questions? Write to help@northwind.test.");
  } finally {
    await resetBrand(page);
  }
});
