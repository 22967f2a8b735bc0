import { expect, test } from "@playwright/test";
import { origin, signIn } from "./support";

// A custom domain is mapped to loopback like DNS would; launchOptions replaces the config's,
// so the executable and base flags are repeated (as in custom-domain.e2e.ts).
test.use({
  launchOptions: {
    executablePath: process.env.OMNIFY_CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--host-resolver-rules=MAP portal.sunset.test 127.0.0.1",
    ],
  },
});

test("an agency admin adds a domain, sees the DNS records to create, and removes it", async ({
  page,
}) => {
  await signIn(page, "sunset", "owner@sunset.test");
  await page.getByRole("link", { name: "Domains" }).click();
  await expect(page).toHaveURL(`${origin("sunset")}/settings/domains`);

  await page.getByLabel("Domain").fill("https://shop.example.org/path");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByText(/without a scheme, port or path/)).toBeVisible();

  const hostname = `e2e-${Date.now().toString(36)}.example.org`;
  await page.getByLabel("Domain").fill(hostname);
  await page.getByRole("button", { name: "Add domain" }).click();
  const card = page.getByTestId(`domain-${hostname}`);
  await expect(card).toContainText(`_omnify-verify.${hostname}`);
  await expect(card).toContainText(/omnify-verify=[a-z2-7]{32}/);
  await expect(card).toContainText("cname.localhost");
  await expect(card).toContainText("pending");

  // Nobody created the TXT record, so checking now leaves it pending, with the reason.
  await card.getByRole("button", { name: "Verify now" }).click();
  await expect(card).toContainText(/No TXT record|DNS lookup/);
  await expect(card).toContainText("pending");

  await card.getByRole("button", { name: `Remove ${hostname}` }).click();
  await expect(card).toHaveCount(0);
});

test("signing in on a verified custom domain works natively, with its own session", async ({
  page,
}) => {
  await signIn(page, "portal.sunset.test", "owner@sunset.test");
  await expect(page).toHaveURL(`${origin("portal.sunset.test")}/`);
  await expect(page.getByTestId("user-menu")).toContainText("Sunset");
  // Host-only cookies: the session on the custom domain is not a session on the subdomain.
  await page.goto(`${origin("sunset")}/`);
  await expect(page).toHaveURL(/\/signin/);
});
