import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { list } from "tar";
import { origin, signIn, uniqueEmail } from "./support";

/** The list loaded through the client, so React owns the form before a file is chosen. */
async function hydrated(page: Page) {
  const table = page.getByRole("table", { name: "Exports and imports" });
  await expect(table).not.toContainText("Loading…");
}

test("a sub-account admin exports everything, watches the progress and downloads the archive", async ({
  page,
}) => {
  await signIn(page, "acme.northwind", "admin@acme.test");
  await page.getByRole("link", { name: "Export" }).click();
  await expect(page).toHaveURL(`${origin("acme.northwind")}/settings/export`);

  await page.getByRole("button", { name: "Start export" }).click();
  const bar = page.getByRole("progressbar", { name: "export progress" }).first();
  await expect(bar).toBeVisible();
  // The worker picks it up and the bar fills; the row then offers the archive.
  await expect(bar).toHaveAttribute("value", "100", { timeout: 30_000 });
  await expect(page.getByText("succeeded").first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download" }).first().click();
  const file = await (await download).path();
  const names: string[] = [];
  await list({ file, onReadEntry: (entry) => void names.push(entry.path) });
  expect(names).toContain("manifest.json");
  expect(names).toContain("tables/memberships.jsonl");
  expect((await readFile(file)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

  // Once the sub-account holds work (here: a pending invitation), a valid archive is
  // refused: imports go only into a fresh sub-account.
  await page.goto(`${origin("acme.northwind")}/members`);
  const invited = uniqueEmail("export");
  await page.getByLabel("E-mail").fill(invited);
  await page.getByLabel("Role").selectOption("subaccount_member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText(invited);
  await page.goto(`${origin("acme.northwind")}/settings/export`);
  await hydrated(page);
  await page.getByLabel("Export archive (.tar.gz)").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/This sub-account is not empty/)).toBeVisible();
});

test("import refuses a corrupted file, naming it", async ({ page }) => {
  await signIn(page, "acme.northwind", "admin@acme.test");
  await page.goto(`${origin("acme.northwind")}/settings/export`);
  await hydrated(page);
  const input = page.getByLabel("Export archive (.tar.gz)");

  await input.setInputFiles({
    name: "broken.tar.gz",
    mimeType: "application/gzip",
    buffer: Buffer.from("this is not an archive"),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(
    page.getByText(/The uploaded file is not a readable \.tar\.gz archive/),
  ).toBeVisible();
});

test("the archive download is for the sub-account's admins only", async ({ page }) => {
  // From the browser: Node cannot resolve *.localhost, Chromium can.
  const response = await page.goto(
    `${origin("acme.northwind")}/settings/export/00000000-0000-4000-8000-000000000000/download`,
  );
  expect(response?.status()).toBe(401);
});
