import { expect, test } from "@playwright/test";
import { origin } from "./support";

// Chromium resolves *.localhost by itself; a custom domain needs mapping to loopback.
// launchOptions replaces the config's, so the executable and base flags are repeated.
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

test("a verified custom domain serves its agency's sign-in page", async ({ page }) => {
  const response = await page.goto(`${origin("portal.sunset.test")}/signin`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("to Sunset Digital")).toBeVisible();
  await expect(page).toHaveTitle(/Sunset Digital/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "ember");
});
