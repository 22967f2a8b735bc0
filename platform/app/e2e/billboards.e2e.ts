import { deflateSync } from "node:zlib";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { origin, signIn } from "./support";

/**
 * The billboard network end to end on the demo agency (billboards is enabled for northwind
 * by tenants-config): an owner registers a screen, the player pairs in its own page, an
 * admin approves, an advertiser books and pays through the fake Stripe's Checkout, the
 * owner approves the creative and the screen plays it at once, keeps playing offline,
 * delivers every proof of play exactly once when back, and the payout is 80% of the
 * verified plays.
 */
const NW = "northwind";
const PLUGIN = "billboards";
const SPOT_MS = 5_000;
// 10 s loop of two 5 s spots: the booked spot plays every 10 s. 360 plays per spot-hour at
// $360.00 per spot-hour: one play is worth 100 cents, the owner earns 80.
const PRICE = "360.00";

/** A blank PNG the upload route can sniff and measure. */
function png(width: number, height: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (table[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc((width * 3 + 1) * height))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A procedure of the plugin, called as the page's signed-in member (tRPC plugins.invoke). */
async function invoke<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const res = await page.evaluate(
    async ({ pluginId, procedure, input }) => {
      const r = await fetch("/api/trpc/plugins.invoke", {
        method: "POST",
        headers: { "content-type": "application/json", "x-omnify-csrf": "1" },
        body: JSON.stringify({ json: { pluginId, procedure, input } }),
      });
      return { status: r.status, body: await r.text() };
    },
    { pluginId: PLUGIN, procedure, input },
  );
  expect(res.status, res.body).toBe(200);
  return (JSON.parse(res.body) as { result: { data: { json: T } } }).result.data.json;
}

async function member(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, NW, email);
  return { context, page };
}

const app = (page: Page) => page.getByTestId("plugin-page");

test("billboards: register, pair, approve, book and pay, play at once, offline, proof of play once, payout 80%", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const name = `E2E Screen ${Date.now().toString(36)}`;

  // The owner sets up payouts (fake Stripe Connect onboarding) and registers a screen.
  const owner = await member(browser, "owner@northwind.test");
  await owner.page.goto(`${origin(NW)}/p/${PLUGIN}/screens`);
  const connect = app(owner.page).getByTestId("connect-stripe");
  await expect(app(owner.page).getByTestId("payouts")).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    await app(owner.page).getByTestId("stripe-email").fill("owner@northwind.test");
    await app(owner.page).getByTestId("connect-submit").click();
    await owner.page.waitForURL((u) => !u.href.startsWith(origin(NW)));
    await owner.page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(owner.page).toHaveURL(new RegExp(`/p/${PLUGIN}/screens`));
  }
  const form = app(owner.page).getByTestId("register-screen");
  await form.getByTestId("screen-name").fill(name);
  await form.getByTestId("screen-address").fill("1 Broad Street, Lagos");
  await form.getByTestId("screen-area").fill("Lagos Island");
  await form.getByTestId("screen-loopSeconds").fill("10");
  await form.getByTestId("screen-spotSeconds").fill(String(SPOT_MS / 1000));
  await form.getByTestId("screen-price").fill(PRICE);
  await form.getByTestId("screen-open").fill("00:00");
  await form.getByTestId("screen-close").fill("00:00");
  await form.getByTestId("screen-timezone").fill("UTC");
  await form.getByTestId("screen-photo").setInputFiles({
    name: "front.png",
    mimeType: "image/png",
    buffer: png(640, 360),
  });
  await expect(form.getByText("1 photo(s) attached")).toBeVisible();
  await form.getByTestId("screen-submit").click();
  const card = app(owner.page).locator('[data-testid^="my-screen-"]', { hasText: name });
  await expect(card.getByTestId("screen-status")).toHaveText("pending approval");

  // The player, in its own page on the tenant host, shows a pairing code; the owner enters it.
  const screen = await browser.newContext();
  const player = await screen.newPage();
  // Every proof-of-play id the player sends (a resend shows up twice) and every id acknowledged.
  const sent: string[] = [];
  const acked = new Set<string>();
  const isProof = (body: unknown) =>
    (body as { procedure?: string } | null)?.procedure === "screen.proofOfPlay";
  player.on("request", (req) => {
    if (!req.url().includes("/api/devices/invoke") || !isProof(req.postDataJSON())) return;
    const records = (req.postDataJSON() as { input: { records: { id: string }[] } }).input.records;
    for (const r of records) sent.push(r.id);
  });
  player.on("response", async (res) => {
    const req = res.request();
    if (!req.url().includes("/api/devices/invoke") || !isProof(req.postDataJSON())) return;
    const body = (await res.json().catch(() => null)) as { acknowledged?: string[] } | null;
    for (const id of body?.acknowledged ?? []) acked.add(id);
  });
  // index.html: Next answers `/screen/` with a 308 to `/screen`, which is outside the
  // service worker's scope (/screen/), so the player would wait for its worker forever.
  await player.goto(`${origin(NW)}/screen`);
  const codeBox = player.getByTestId("pairing-code");
  await expect(codeBox).not.toHaveText("······");
  const code = (await codeBox.textContent())?.trim() ?? "";
  await card.getByTestId("pair-code").fill(code);
  await card.getByTestId("pair-submit").click();
  await expect(card.getByRole("button", { name: "Unpair player" })).toBeVisible();
  await expect(player.getByTestId("player")).toBeVisible();

  // An admin approves the screen: only now is it on the marketplace.
  const admin = await member(browser, "admin@northwind.test");
  await admin.page.goto(`${origin(NW)}/p/${PLUGIN}/admin`);
  const pending = app(admin.page).locator('[data-testid^="pending-screen-"]', { hasText: name });
  await pending.getByTestId("approve-screen").click();
  await expect(pending).toHaveCount(0);

  // The advertiser finds it, gets a quote, uploads a creative and pays on the fake Checkout.
  const advertiser = await member(browser, "member@northwind.test");
  await advertiser.page.goto(`${origin(NW)}/p/${PLUGIN}`);
  const listing = app(advertiser.page).locator('[data-testid^="screen-card-"]', { hasText: name });
  await listing.getByRole("button", { name: "Book this screen" }).click();
  await app(advertiser.page).getByTestId("book-quote").click();
  await expect(app(advertiser.page).getByTestId("quote")).toBeVisible();
  await app(advertiser.page)
    .getByTestId("creative-file")
    .setInputFiles({
      name: "spring-sale.png",
      mimeType: "image/png",
      buffer: png(1920, 1080),
    });
  await expect(app(advertiser.page).getByTestId("creative-ready")).toBeVisible();
  await app(advertiser.page).getByTestId("book-pay").click();
  await advertiser.page.waitForURL((u) => !u.href.startsWith(origin(NW)));
  await advertiser.page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(advertiser.page).toHaveURL(new RegExp(`/p/${PLUGIN}/dashboard`));
  const row = app(advertiser.page).locator('[data-testid^="booking-"]', { hasText: name });
  // The webhook reaches the plugin through the worker: reload until the booking is paid.
  await expect(async () => {
    await advertiser.page.reload();
    await expect(row.getByTestId("booking-status")).toContainText("paid", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const bookingId = ((await row.getAttribute("data-testid")) ?? "").replace("booking-", "");

  // The owner approves the creative; the screen is told at once and plays it.
  await owner.page.goto(`${origin(NW)}/p/${PLUGIN}/approvals`);
  const review = app(owner.page).locator('[data-testid^="creative-"]', { hasText: name });
  const approved = owner.page.waitForResponse((r) => r.url().includes("/api/trpc/plugins.invoke"));
  await review.getByTestId("creative-approve").click();
  expect((await approved).status()).toBe(200);
  // The brief: on screen within 1 s of the approval.
  await expect(player.getByTestId("player")).toHaveAttribute(
    "data-item-id",
    `booking:${bookingId}`,
    { timeout: 1_000 },
  );

  // Offline: the player keeps playing from its cache and queues proof of play.
  await screen.setOffline(true);
  const status = player.getByTestId("screen-status");
  await expect(status).toHaveAttribute("data-online", "false");
  // Plays made offline wait in the player's queue: the approval's immediate play, the rest of
  // the slot it ran into (too short to verify) and at least one whole slot (every 10 s).
  await expect
    .poll(async () => Number(await status.getAttribute("data-pending-plays")), { timeout: 45_000 })
    .toBeGreaterThanOrEqual(3);
  await expect(player.getByTestId("player")).toHaveAttribute("data-state", "playing", {
    timeout: 15_000,
  });
  // A reboot while offline: the service worker serves the player, the queued plays are still
  // in IndexedDB, and the creative plays again from Cache Storage with the cached schedule.
  const queued = Number(await status.getAttribute("data-pending-plays"));
  await player.reload();
  await expect(player.getByTestId("player")).toHaveAttribute(
    "data-item-id",
    `booking:${bookingId}`,
    { timeout: 15_000 },
  );
  await expect
    .poll(async () => Number(await status.getAttribute("data-pending-plays")), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(queued);
  // Back online: the queue drains.
  await screen.setOffline(false);
  await expect(status).toHaveAttribute("data-online", "true");
  await expect(status).toHaveAttribute("data-pending-plays", "0", { timeout: 60_000 });

  // Stop the player, then: every acknowledged record is stored, once; nothing else is.
  await screen.close();
  const plays = await invoke<{ plays: { id: string; verified: boolean }[]; verified: number }>(
    advertiser.page,
    "plays.list",
    { bookingId },
  );
  const stored = plays.plays.map((p) => p.id);
  expect(new Set(stored).size).toBe(stored.length);
  expect(stored.every((id) => sent.includes(id))).toBe(true);
  expect([...acked].every((id) => stored.includes(id))).toBe(true);
  expect(acked.size).toBeGreaterThanOrEqual(2);
  expect(plays.verified).toBeGreaterThanOrEqual(2);

  // Payout = 80% of the verified plays (100 cents each).
  await admin.page.reload();
  await app(admin.page).getByTestId("run-payouts").click();
  await expect(app(admin.page).getByTestId("payouts-result")).toBeVisible();
  const ledger = await invoke<{ entries: { kind: string; amount: number }[] }>(
    admin.page,
    "ledger.list",
    { bookingId },
  );
  const earned = ledger.entries.filter((e) => e.kind === "earned_on_play");
  const verified = (
    await invoke<{ verified: number }>(advertiser.page, "plays.list", { bookingId })
  ).verified;
  expect(earned).toHaveLength(verified);
  expect(earned.reduce((n, e) => n + e.amount, 0)).toBeCloseTo(verified * 80, 4);
  await owner.page.goto(`${origin(NW)}/p/${PLUGIN}/dashboard`);
  const paidOut = app(owner.page).getByTestId("owner-paid");
  const earnedTotal = app(owner.page).getByTestId("owner-earned");
  await expect(paidOut).toHaveText((await earnedTotal.textContent()) ?? "");
  for (const c of [owner, admin, advertiser]) await c.context.close();
});

test("billboards: an unpaired player is refused on its next call and shows a new pairing code", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const name = `E2E Unpair ${Date.now().toString(36)}`;
  const owner = await member(browser, "owner@northwind.test");
  await owner.page.goto(`${origin(NW)}/p/${PLUGIN}/screens`);
  const form = app(owner.page).getByTestId("register-screen");
  await form.getByTestId("screen-name").fill(name);
  await form.getByTestId("screen-address").fill("2 Marina Road, Lagos");
  await form.getByTestId("screen-submit").click();
  const card = app(owner.page).locator('[data-testid^="my-screen-"]', { hasText: name });
  await expect(card.getByTestId("screen-status")).toHaveText("pending approval");

  const screen = await browser.newContext();
  const player = await screen.newPage();
  await player.goto(`${origin(NW)}/screen`);
  const codeBox = player.getByTestId("pairing-code");
  await expect(codeBox).not.toHaveText("······");
  await card.getByTestId("pair-code").fill((await codeBox.textContent())?.trim() ?? "");
  await card.getByTestId("pair-submit").click();
  await expect(player.getByTestId("player")).toBeVisible();
  // Paired: its heartbeats reach the plugin (the owner sees it online).
  await expect(async () => {
    await owner.page.reload();
    await expect(card.getByTestId("screen-health")).toHaveText("online", { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });

  const refused = player.waitForResponse(
    (r) => r.url().includes("/api/devices/invoke") && r.status() === 401,
    { timeout: 60_000 },
  );
  await card.getByRole("button", { name: "Unpair player" }).click();
  await expect(card.getByTestId("pair-code")).toBeVisible();
  // The next heartbeat (every 30 s) is refused (401); the player forgets its token and shows
  // the server's message with a new pairing code.
  await refused;
  await expect(player.getByTestId("pairing-notice")).toContainText(/removed/i);
  await expect(player.getByTestId("pairing-code")).not.toHaveText("······");
  await screen.close();
  await owner.context.close();
});
