import { expect, test } from "@playwright/test";
import { origin, PORT, signIn } from "./support";

// Node cannot resolve *.localhost, and the REST API does not need the tenant's host: the
// key names its tenant. So the API is called on the platform host, plain `localhost`.
const API = `http://localhost:${PORT}/api/v1`;

const rest = (key: string, path: string, init: RequestInit = {}) =>
  fetch(`${API}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });

test("a key made in the portal reads members, lacks write scope, and dies when revoked", async ({
  page,
}) => {
  const host = "acme.northwind";
  await signIn(page, host, "admin@acme.test");
  await page.goto(`${origin(host)}/settings/api-keys`);
  const name = `e2e-${Date.now().toString(36)}`;
  await page.getByLabel("Key name").fill(name);
  // members:read is ticked by default; nothing else.
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^omk_live_[a-z2-7]{8}_[a-z2-7]{32}$/);
  const key = (await shown.textContent()) ?? "";
  await expect(page.getByRole("table", { name: "API keys" })).toContainText(name);

  const list = await rest(key, "/members");
  expect(list.status).toBe(200);
  expect(list.headers.get("ratelimit-limit")).toBeTruthy();
  const body = (await list.json()) as { members: Array<{ email: string }> };
  expect(body.members.map((m) => m.email)).toContain("admin@acme.test");

  const write = await rest(key, "/members/invitations", {
    method: "POST",
    body: JSON.stringify({ email: "nobody@example.test", role: "subaccount_member" }),
  });
  expect(write.status).toBe(403);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("table", { name: "API keys" })).toContainText("Revoked");
  const revoked = await rest(key, "/members");
  expect(revoked.status).toBe(401);

  const doc = await fetch(`http://localhost:${PORT}/api/openapi.json`);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});

test("a screen pairs by the code it shows, then is removed in the portal", async ({ page }) => {
  const pair = await fetch(`http://localhost:${PORT}/api/devices/pair`, { method: "POST" });
  const { code, pairingId, pollToken } = (await pair.json()) as Record<string, string>;
  const pollOnce = () =>
    fetch(`http://localhost:${PORT}/api/devices/pair/poll`, {
      method: "POST",
      body: JSON.stringify({ pairingId, pollToken }),
    });

  const host = "acme.northwind";
  await signIn(page, host, "admin@acme.test");
  await page.goto(`${origin(host)}/settings/devices`);
  const name = `Window ${Date.now().toString(36)}`;
  await page.getByLabel("Code on the screen").fill(code ?? "");
  await page.getByLabel("Screen name").fill(name);
  await page.getByRole("button", { name: "Pair", exact: true }).click();
  await expect(page.getByText(`${name} is paired.`)).toBeVisible();

  const polled = (await (await pollOnce()).json()) as { status: string; token: string };
  expect(polled.status).toBe("paired");
  expect((await pollOnce()).status).toBe(409);

  const screens = page.getByRole("table", { name: "Screens" });
  await page.reload();
  await expect(screens).toContainText(name);
  await expect(screens).toContainText("Paired");
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(screens).toContainText("Removed");
});
