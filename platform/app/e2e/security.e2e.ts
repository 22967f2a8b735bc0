import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import postgres from "postgres";
import { origin, PASSWORD, signIn, uniqueEmail } from "./support";

const HOST = "northwind";
const COOKIE = "omnify.session"; // plain http in tests: no __Host- prefix

/** A context with its own test-only client address, so lockouts here stay here. */
async function freshContext(browser: Browser) {
  const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
}

/** Submits the sign-in form and waits for next-auth's answer. */
async function tryPassword(page: Page, email: string, password: string) {
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await answered;
}

/**
 * POSTs a tRPC mutation from the test process with exactly the headers given. Node cannot
 * resolve `*.localhost`, so it connects to 127.0.0.1 and names the tenant in Host.
 */
function postTrpc(path: string, body: unknown, headers: Record<string, string>): Promise<number> {
  const target = new URL(`${origin(HOST)}/api/trpc/${path}`);
  const payload = JSON.stringify({ json: body });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { host: target.host, "content-type": "application/json", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * The account key's row in login_attempts, read on the app login (the throttle table is not
 * tenant data): how many failures it has counted and the lock the last one earned.
 */
async function accountLock(email: string): Promise<{ failures: number; lockSeconds: number }> {
  const url = process.env.OMNIFY_E2E_APP_DB_URL;
  if (!url) throw new Error("OMNIFY_E2E_APP_DB_URL is not set (npm test sets it)");
  const key = createHash("sha256").update(`email:${email.toLowerCase()}`).digest("hex");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ failures: number; lock_seconds: number | null }[]>`
      select failures,
        extract(epoch from locked_until - last_failure_at)::float8 as lock_seconds
      from login_attempts where key = ${key}`;
    if (!row) throw new Error(`no login_attempts row for ${email}`);
    return { failures: row.failures, lockSeconds: row.lock_seconds ?? 0 };
  } finally {
    await sql.end();
  }
}

test("brute force on one account is locked out with an escalating delay, and one message", async ({
  browser,
}) => {
  // The waits below follow the locks (1 s, 2 s, 4 s …), however slow the machine is.
  test.setTimeout(180_000);
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${origin(HOST)}/signin`);
  // An address with no account behaves exactly like a real one.
  const email = uniqueEmail("brute");
  // The first three failures are free.
  for (let i = 0; i < 3; i++) {
    await tryPassword(page, email, `guess-number-${i}`);
    await expect(page.getByText("E-mail or password is incorrect.")).toBeVisible();
  }
  // From the fourth on, each failure locks the account (1 s, 2 s, 4 s …). How long one
  // attempt takes depends on the machine, so keep trying until one lands inside a lock:
  // the locks double, so one always does.
  await expect
    .poll(
      async () => {
        await tryPassword(page, email, "guess-locked");
        return page.getByText(/^Too many attempts, try again in \d+ seconds?\.$/).isVisible();
      },
      { intervals: [0], timeout: 60_000 },
    )
    .toBe(true);
  // A refused attempt during a lock is not another failure; the lock is the last one earned.
  const locked = await accountLock(email);
  expect(locked.failures).toBeGreaterThanOrEqual(4);
  expect(locked.lockSeconds).toBe(2 ** (locked.failures - 4));
  // Once the lock has passed, the next failure counts again and locks twice as long. The
  // lengths come from the database, not from how long the browser took.
  await expect
    .poll(
      async () => {
        await tryPassword(page, email, "guess-again");
        return page.getByText("E-mail or password is incorrect.").isVisible();
      },
      { intervals: [500], timeout: 2 * locked.lockSeconds * 1000 + 60_000 },
    )
    .toBe(true);
  const escalated = await accountLock(email);
  expect(escalated.failures).toBe(locked.failures + 1);
  expect(escalated.lockSeconds).toBe(2 * locked.lockSeconds);
  await context.close();
});

test("a session id planted before sign-in is replaced, never adopted", async ({ browser }) => {
  const attacker = await freshContext(browser);
  const attackerPage = await attacker.newPage();
  await signIn(attackerPage, HOST, "member@northwind.test");
  const planted = (await attacker.cookies()).find((c) => c.name === COOKIE);
  expect(planted).toBeDefined();

  const victim = await freshContext(browser);
  const page = await victim.newPage();
  await page.goto(`${origin(HOST)}/signin`);
  // Planted after the page loads (a signed-in visitor would be sent away from /signin).
  await victim.addCookies([{ ...(planted as NonNullable<typeof planted>) }]);
  await tryPassword(page, "admin@northwind.test", PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const issued = (await victim.cookies()).find((c) => c.name === COOKIE);
  expect(issued?.value).toBeTruthy();
  expect(issued?.value).not.toBe(planted?.value);

  // The planted cookie still belongs to the attacker's own session, never to the victim's.
  await attackerPage.reload();
  await expect(attackerPage.getByTestId("user-menu")).not.toContainText("admin@northwind");
  await expect(page.getByTestId("user-menu")).toBeVisible();
  await attacker.close();
  await victim.close();
});

test("tRPC mutations need the CSRF header and the tenant's own Origin", async () => {
  const body = { email: "nobody@example.test" };
  const own = { origin: origin(HOST) };
  expect(await postTrpc("account.requestPasswordReset", body, own)).toBe(403);
  const foreign = { "x-omnify-csrf": "1", origin: origin("sunset") };
  expect(await postTrpc("account.requestPasswordReset", body, foreign)).toBe(403);
  expect(
    await postTrpc("account.requestPasswordReset", body, { ...own, "x-omnify-csrf": "1" }),
  ).toBe(200);
});

test("a reset e-mail's link uses the tenant's origin whatever Host headers say", async () => {
  const outbox = process.env.OMNIFY_MAIL_OUTBOX;
  if (!outbox) throw new Error("OMNIFY_MAIL_OUTBOX must point at the product's mail outbox");
  const to = "member@northwind.test";
  const status = await postTrpc(
    "account.requestPasswordReset",
    { email: to },
    {
      "x-omnify-csrf": "1",
      origin: origin(HOST),
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    },
  );
  expect(status).toBe(200);
  let links: string[] = [];
  await expect
    .poll(async () => {
      links = [];
      for (const file of (await readdir(outbox)).filter((f) => f.endsWith(".json"))) {
        const mail = JSON.parse(await readFile(join(outbox, file), "utf8"));
        if (mail.to === to)
          links.push(...(mail.text.match(/https?:\/\/\S+\/reset-password\/\S+/g) ?? []));
      }
      return links.length;
    })
    .toBeGreaterThan(0);
  for (const link of links) expect(link.startsWith(`${origin(HOST)}/reset-password/`)).toBe(true);
});

test("callbackUrl cannot send a signed-in user to another site", async ({ page }) => {
  await page.goto(
    `${origin(HOST)}/signin?callbackUrl=${encodeURIComponent("https://evil.example/")}`,
  );
  await tryPassword(page, "member@northwind.test", PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin(HOST));
});

test("a session revoked from the security page is refused at once", async ({ browser }) => {
  const mine = await freshContext(browser);
  // A user agent of its own, so exactly this session is picked out in the list.
  const label = `Revoke-me-${Math.random().toString(36).slice(2, 10)}`;
  const other = await browser.newContext({ userAgent: label });
  const a = await mine.newPage();
  const b = await other.newPage();
  await signIn(a, HOST, "owner@northwind.test");
  await signIn(b, HOST, "owner@northwind.test");
  await a.goto(`${origin(HOST)}/account/security`);
  const table = a.getByRole("table", { name: "Active sessions" });
  await expect(table).toContainText("This browser");
  const row = table.getByRole("row").filter({ hasText: label });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(table).not.toContainText(label);
  await b.reload();
  await expect(b).toHaveURL(/\/signin/);
  await mine.close();
  await other.close();
});

test("the client address is read from the right of X-Forwarded-For: a prepended one is not believed", async ({
  browser,
}) => {
  // The browser's peer (loopback) is a trusted proxy by default; the proxy appended the
  // address it saw, and the client itself had put a made-up one in front of it.
  const real = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const label = `Xff-${Math.random().toString(36).slice(2, 10)}`;
  const context = await browser.newContext({
    userAgent: label,
    extraHTTPHeaders: { "x-forwarded-for": `6.6.6.6, ${real}` },
  });
  const page = await context.newPage();
  await signIn(page, HOST, "owner@northwind.test");
  await page.goto(`${origin(HOST)}/account/security`);
  const row = page
    .getByRole("table", { name: "Active sessions" })
    .getByRole("row")
    .filter({ hasText: "This browser" });
  await expect(row).toContainText(real);
  await expect(row).not.toContainText("6.6.6.6");
  await context.close();
});
