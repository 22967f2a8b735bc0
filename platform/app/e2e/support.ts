import { readdir, readFile } from "node:fs/promises";
import { get as httpGet } from "node:http";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";

/** Port of the running product; `scripts/test.ts` (the launcher) sets it. */
export const PORT = Number(process.env.OMNIFY_E2E_PORT ?? 3000);
export const PASSWORD = "demo-password-1";

/** "northwind" → http://northwind.localhost:PORT; a full host ("portal.sunset.test") is kept. */
export function origin(host: string): string {
  const full = /\.(test|localhost)$/.test(host) ? host : `${host}.localhost`;
  return `http://${full}:${PORT}`;
}

/** A fresh address nobody has used, so tests never depend on each other. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Signs in through the form on `host` and waits for the dashboard. */
export async function signIn(page: Page, host: string, email: string, password = PASSWORD) {
  await page.goto(`${origin(host)}/signin`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** The value of a CSS custom property on <html>, as the browser computed it. */
export function cssVar(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(),
    name,
  );
}

type OutboxMail = { to: string; subject: string; text: string };

/** Waits for a mail to `to` in OMNIFY_MAIL_OUTBOX and returns the first invitation link in it. */
export async function invitationLink(to: string): Promise<string> {
  const outbox = process.env.OMNIFY_MAIL_OUTBOX;
  if (!outbox) throw new Error("OMNIFY_MAIL_OUTBOX must point at the product's mail outbox");
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        for (const file of (await readdir(outbox)).filter((f) => f.endsWith(".json"))) {
          const mail = JSON.parse(await readFile(join(outbox, file), "utf8")) as OutboxMail;
          if (mail.to !== to) continue;
          link = mail.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)?.[0];
          if (link) return true;
        }
        return false;
      },
      { message: `invitation mail to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  return link as string;
}

/**
 * GETs a portal URL from the test process itself. Chromium maps `*.localhost` to loopback
 * on its own, but Node's resolver does not, so connect to 127.0.0.1 and send the tenant's
 * host name in the Host header.
 */
export function getViaLoopback(url: string): Promise<string> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpGet(
      {
        host: "127.0.0.1",
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: { host: target.host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      },
    );
    req.on("error", reject);
  });
}

/** Calls a plugin procedure through `plugins.invoke` as the signed-in page; status and raw body. */
export function invokePlugin(page: Page, pluginId: string, procedure: string, input: unknown) {
  return page.evaluate(
    async ({ pluginId, procedure, input }) => {
      const res = await fetch("/api/trpc/plugins.invoke", {
        method: "POST",
        headers: { "content-type": "application/json", "x-omnify-csrf": "1" },
        body: JSON.stringify({ json: { pluginId, procedure, input } }),
      });
      return { status: res.status, body: await res.text() };
    },
    { pluginId, procedure, input },
  );
}
