import { randomUUID } from "node:crypto";
import type { PaymentSucceededEvent, PluginCaller } from "@omnify/plugin-sdk";
import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  ADVERTISER,
  approvedScreen,
  as,
  creative,
  day,
  ledgerOf,
  OWNER,
  ownerPayouts,
  screenOnAir,
  total,
  URLS,
} from "./helpers.ts";

let p: PluginRun;
let ownerAccount: string;
beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1"] });
  ownerAccount = (await ownerPayouts(p, "t1")).accountRef;
});
afterAll(() => p?.close());

const HOUR = 3_600_000;
const thisHour = () => Math.floor(Date.now() / HOUR) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const beat = {
  uptimeSeconds: 30,
  freeStorageBytes: 5_000_000_000,
  appVersion: "1.0.0",
  currentItem: null,
  clockOffsetMs: 0,
};
const play = (bookingId: string, creativeId: string, at = new Date()) => ({
  id: randomUUID(),
  itemId: `booking:${bookingId}`,
  bookingId,
  creativeId,
  startedAt: at.toISOString(),
  durationMs: 15_000,
});

/**
 * The scratch database this run's plugin uses, as a superuser (to break the runtime role's
 * grants for a moment, the way a database failure between two statements would).
 */
async function adminDb(bookingId: string) {
  const url = process.env.OMNIFY_TEST_ADMIN_URL;
  if (!url) throw new Error("no test cluster (OMNIFY_TEST_ADMIN_URL)");
  const root = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const dbs = await root<{ datname: string }[]>`
      select datname from pg_database where datname like 't\\_%' order by oid desc`;
    for (const { datname } of dbs) {
      const u = new URL(url);
      u.pathname = `/${datname}`;
      const db = postgres(u.toString(), { max: 1, onnotice: () => {} });
      const found = await db
        .unsafe(
          `select n.nspname from pg_namespace n where n.nspname like '%billboards%'
             and to_regclass(quote_ident(n.nspname) || '.bookings') is not null`,
        )
        .catch(() => []);
      for (const { nspname } of found as { nspname: string }[]) {
        const [hit] = await db.unsafe(`select 1 from "${nspname}".bookings where id = $1`, [
          bookingId,
        ]);
        if (hit) return { db, schema: nspname };
      }
      await db.end();
    }
  } finally {
    await root.end();
  }
  throw new Error(`no database holds booking ${bookingId}`);
}

/** A screen on air for OWNER-like `owner`, with a paid, approved booking for today. */
const onAir = (owner: PluginCaller = OWNER, overrides: Record<string, unknown> = {}) =>
  screenOnAir(p, "t1", owner, { name: "Admiralty Way", ...overrides });

/** `n` verified plays of a booking, spread over the hour on air so far. */
async function plays(deviceId: string, bookingId: string, creativeId: string, n: number) {
  const from = thisHour();
  const span = Math.max(n, Date.now() - from - 1000);
  const records = Array.from({ length: n }, (_, k) =>
    play(bookingId, creativeId, new Date(from + Math.floor((span * k) / n))),
  );
  const r = await p.callAsDevice<{ verified: number }>(deviceId, "screen.proofOfPlay", {
    records,
  });
  expect(r.verified).toBe(n);
}

type Hold = { bookingId: string; checkoutId: string; amount: number; platformFee: number };

/** ADVERTISER books one hour-range without paying (the checkout stays open). */
const hold = (input: Record<string, unknown>) =>
  p.call<Hold>("t1", "bookings.create", { spotsPerHour: 1, ...URLS, ...input }, as(ADVERTISER));

type Payouts = {
  payouts: { ownerUserId: string; amount: number }[];
  failed: { ownerUserId: string; error?: string }[];
};
const payoutsOf = (accountId: string) =>
  p.payments.payouts.filter((x) => x.accountId === accountId).map((x) => x.amount);

describe("payouts are exactly once", () => {
  it("one owner's refused payout does not stop the others; it stays pending and is paid once later", async () => {
    const otherId = "00000000-0000-4000-8000-0000000000e5";
    const other: PluginCaller = {
      kind: "member",
      userId: otherId,
      role: "agency_member",
      canManage: false,
    };
    const ownerId = "00000000-0000-4000-8000-0000000000a1"; // OWNER
    const { accountRef: otherAccount } = await p.call<{ accountRef: string }>(
      "t1",
      "payouts.connect",
      {
        provider: "stripe",
        email: "other@example.com",
        country: "US",
        returnUrl: "https://portal.example.com/p/billboards/screens",
      },
      as(other),
    );
    const mine = await onAir(OWNER);
    const theirs = await onAir(other);
    await plays(mine.deviceId, mine.booking.bookingId, mine.creativeId, 2);
    await plays(theirs.deviceId, theirs.booking.bookingId, theirs.creativeId, 3);
    const current = ownerAccount;
    p.payments.setOnboarded(current, false);
    try {
      const first = await p.runJob<Payouts>("t1", "payouts");
      expect(first.payouts).toEqual([
        expect.objectContaining({ ownerUserId: otherId, amount: 240 }),
      ]);
      expect(first.failed).toEqual([
        expect.objectContaining({
          ownerUserId: ownerId,
          error: expect.stringContaining("Payouts are not enabled"),
        }),
      ]);
      expect(payoutsOf(otherAccount)).toEqual([240]);
    } finally {
      p.payments.setOnboarded(current, true);
    }
    const second = await p.runJob<Payouts>("t1", "payouts");
    expect(second.payouts.map((x) => x.ownerUserId)).toEqual([ownerId]);
    expect(payoutsOf(current)).toEqual([160]);
    expect(await p.runJob<Payouts>("t1", "payouts")).toEqual({ payouts: [], failed: [] });
    expect(payoutsOf(current)).toEqual([160]);
    expect(payoutsOf(otherAccount)).toEqual([240]);
  });

  it("a run that paid but could not record it, then new plays and concurrent runs, pay each cent once", async () => {
    const { deviceId, creativeId, booking } = await onAir(OWNER, { currency: "USD" });
    // Settle what earlier tests left, so this owner's balance is only this booking's.
    await p.runJob("t1", "payouts");
    const before = p.payments.payouts.length;
    await plays(deviceId, booking.bookingId, creativeId, 2);
    const { db, schema } = await adminDb(booking.bookingId);
    try {
      // The payout goes through at the provider, then the ledger write fails (as if the
      // process died or the database went away between the two).
      await db.unsafe(`revoke insert on "${schema}".ledger from plugin_billboards_runtime`);
      await p.runJob("t1", "payouts").catch(() => undefined);
    } finally {
      await db.unsafe(`grant insert on "${schema}".ledger to plugin_billboards_runtime`);
      await db.end();
    }
    expect(p.payments.payouts.slice(before).map((x) => x.amount)).toEqual([160]);
    // More plays arrive before the next run: the balance (and a total-based key) changed.
    await plays(deviceId, booking.bookingId, creativeId, 1);
    await Promise.all([
      p.runJob("t1", "payouts"),
      p.runJob("t1", "payouts"),
      p.call("t1", "payouts.run", {}, as(ADMIN)),
    ]);
    await p.runJob("t1", "payouts");
    const paid = p.payments.payouts.slice(before).map((x) => x.amount);
    expect(paid.reduce((a, b) => a + b, 0)).toBe(240);
    expect(paid[0]).toBe(160);
    const entries = await p.call<{ entries: { kind: string; amount: number }[] }>(
      "t1",
      "ledger.list",
      {},
      as(ADMIN),
    );
    const earned = entries.entries
      .filter((e) => e.kind === "earned_on_play")
      .reduce((n, e) => n + e.amount, 0);
    const paidOut = entries.entries
      .filter((e) => e.kind === "payout")
      .reduce((n, e) => n + e.amount, 0);
    expect(paidOut).toBe(
      p.payments.payouts.filter((x) => x.currency === "usd").reduce((n, x) => n + x.amount, 0),
    );
    expect(earned - paidOut).toBeLessThan(1);
  });
});

describe("refunds are intents", () => {
  it("a refund the provider refuses stays pending and is made exactly once by a later run", async () => {
    const { accountRef: sub } = await p.call<{ accountRef: string }>(
      "t1",
      "payouts.connect",
      {
        provider: "paystack",
        businessName: "Lekki Screens Ltd",
        settlementBank: "058",
        accountNumber: "0123456789",
      },
      as(OWNER),
    );
    const screenId = await approvedScreen(p, "t1", { currency: "NGN", pricePerSpotHour: 500_000 });
    const creativeId = await creative(p, "t1", screenId);
    const b = await hold({
      screenId,
      creativeId,
      from: day(9),
      to: day(9),
      customerEmail: "buyer@example.com",
    });
    // The hold expires unpaid and its spots go back on sale.
    await p.runJob("t1", "reconcile", { asOf: iso(Date.now() + 31 * 60_000) });
    // The payment's event arrives, but the provider refuses the refund for now (it does not
    // know the payment as paid yet).
    const event: PaymentSucceededEvent = {
      provider: "paystack",
      reference: b.bookingId,
      checkoutId: b.checkoutId,
      paymentId: b.checkoutId,
      amount: b.amount,
      currency: "ngn",
      applicationFeeAmount: b.platformFee,
      destination: sub,
    };
    await p.emitEvent("t1", "payments.succeeded", event);
    const refundsOf = () => p.payments.refunds.filter((r) => r.paymentId === b.checkoutId);
    expect(refundsOf()).toEqual([]);
    expect(total(await ledgerOf(p, "t1", b.bookingId), "refund")).toBe(0);
    // The provider now has the payment (its webhook is redelivered: nothing new to record).
    await p.payments.pay(b.checkoutId);
    expect(refundsOf()).toEqual([]);
    const r = await p.runJob<{ refunds: { key: string; status: string }[] }>("t1", "reconcile");
    expect(r.refunds).toContainEqual(
      expect.objectContaining({ key: `expired:${b.bookingId}`, status: "done" }),
    );
    await p.runJob("t1", "reconcile");
    expect(refundsOf().map((x) => x.amount)).toEqual([b.amount]);
    expect(total(await ledgerOf(p, "t1", b.bookingId), "refund")).toBe(b.amount);
  });
});

describe("missed plays", () => {
  it("a short outage makes good only the plays it cost, not a whole spot-hour", async () => {
    const { deviceId, creativeId, booking } = await onAir(OWNER);
    // 60 s loop, one 15 s spot: 60 plays an hour; the screen played 58 before it went dark.
    await plays(deviceId, booking.bookingId, creativeId, 58);
    await p.callAsDevice(deviceId, "screen.heartbeat", beat);
    await p.runJob("t1", "detect-offline", { asOf: iso(Date.now() + 120_000) });
    const r = await p.runJob<{
      missed: { bookingId: string; outcome: string; plays: number; spots: number }[];
    }>("t1", "reconcile", { asOf: iso(thisHour() + HOUR + 600_000) });
    expect(r.missed.filter((m) => m.bookingId === booking.bookingId)).toEqual([
      expect.objectContaining({ outcome: "makegood", plays: 2, spots: 1 }),
    ]);
    const entries = await ledgerOf(p, "t1", booking.bookingId);
    // Two plays at 6000 / 60 each, not the 6000 of a whole spot-hour.
    expect(total(entries, "makegood")).toBe(200);
    expect(total(entries, "refund")).toBe(0);
  });
});

describe("earnings cap", () => {
  it("an owner earns nothing more on a booking whose owner share was refunded in full", async () => {
    const { deviceId, creativeId, booking } = await onAir(OWNER);
    const { disputeId } = await p.call<{ disputeId: string }>(
      "t1",
      "disputes.open",
      { bookingId: booking.bookingId, reason: "Wrong city" },
      as(ADVERTISER),
    );
    await p.call(
      "t1",
      "disputes.resolve",
      { disputeId, decision: "resolved", resolution: "All back", refundAmount: booking.amount },
      as(ADMIN),
    );
    await plays(deviceId, booking.bookingId, creativeId, 2);
    const entries = await ledgerOf(p, "t1", booking.bookingId);
    expect(total(entries, "transfer_reversal")).toBe(booking.amount - booking.platformFee);
    expect(total(entries, "earned_on_play")).toBe(0);
  });
});

describe("payment matching", () => {
  it("a payment event that does not match its booking's checkout or amount never marks it paid", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const b = await hold({ screenId, creativeId, from: day(8), to: day(8) });
    const forged: PaymentSucceededEvent = {
      provider: "stripe",
      reference: b.bookingId,
      checkoutId: b.checkoutId,
      paymentId: `pi_${randomUUID().replaceAll("-", "")}`,
      amount: 1,
      currency: "usd",
      applicationFeeAmount: 0,
      destination: ownerAccount,
    };
    p.clearRecorded();
    await p.emitEvent("t1", "payments.succeeded", forged);
    await p.emitEvent("t1", "payments.succeeded", {
      ...forged,
      paymentId: `pi_${randomUUID().replaceAll("-", "")}`,
      amount: b.amount,
      checkoutId: "cs_someone_elses",
    });
    expect(p.recorded.logs).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: expect.stringContaining("does not match"),
      }),
    );
    expect(total(await ledgerOf(p, "t1", b.bookingId), "charge")).toBe(0);
    const adv = await p.call<{ bookings: { id: string; status: string }[] }>(
      "t1",
      "dashboard.advertiser",
      {},
      as(ADVERTISER),
    );
    expect(adv.bookings.find((x) => x.id === b.bookingId)?.status).toBe("pending_payment");
    // The real payment for the booking's own checkout is still accepted.
    await p.payments.pay(b.checkoutId);
    expect(total(await ledgerOf(p, "t1", b.bookingId), "charge")).toBe(b.amount);
  });
});
