import { randomUUID } from "node:crypto";
import type { PaymentSucceededEvent, PluginCaller } from "@omnify/plugin-sdk";
import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MoneyIntent, PaymentFlag } from "../src/server/dashboards/money.ts";
import {
  ADMIN,
  ADVERTISER,
  approvedScreen,
  as,
  creative,
  day,
  ledgerOf,
  member,
  OWNER,
  ownerPayouts,
  ownerPaystack,
  screenOnAir,
  URLS,
} from "./helpers.ts";

let p: PluginRun;
let paystackAccount: string;
let stripeAccount: string;
beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1"] });
  stripeAccount = (await ownerPayouts(p, "t1")).accountRef;
  paystackAccount = (await ownerPaystack(p, "t1")).accountRef;
});
afterAll(() => p?.close());

const OWNER_ID = "00000000-0000-4000-8000-0000000000a1"; // OWNER

type Money = { intents: MoneyIntent[]; stuck: number; flags: PaymentFlag[] };
type Retry = { settled: boolean; retried: boolean; error?: string; inFlight?: boolean };
type Hold = { bookingId: string; checkoutId: string; amount: number; platformFee: number };

const money = (asOf?: string) =>
  p.call<Money>("t1", "admin.money", asOf ? { asOf } : {}, as(ADMIN));
const hold = (input: Record<string, unknown>) =>
  p.call<Hold>("t1", "bookings.create", { spotsPerHour: 1, ...URLS, ...input }, as(ADVERTISER));

/** A screen of `owner` with a paid, approved booking and two verified plays this hour. */
async function earnTwoPlays(owner: PluginCaller) {
  const { deviceId, creativeId, booking: b } = await screenOnAir(p, "t1", owner);
  const from = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const records = [0, 1].map((k) => ({
    id: randomUUID(),
    itemId: `booking:${b.bookingId}`,
    bookingId: b.bookingId,
    creativeId,
    startedAt: new Date(from + k * Math.max(1, (Date.now() - from - 1000) / 2)).toISOString(),
    durationMs: 15_000,
  }));
  const r = await p.callAsDevice<{ verified: number }>(deviceId, "screen.proofOfPlay", {
    records,
  });
  expect(r.verified).toBe(2);
}

describe("admin money view", () => {
  it("shows a refused refund with its error and age, and a retry settles it exactly once", async () => {
    const screenId = await approvedScreen(p, "t1", { currency: "NGN", pricePerSpotHour: 500_000 });
    const creativeId = await creative(p, "t1", screenId);
    const b = await hold({
      screenId,
      creativeId,
      from: day(9),
      to: day(9),
      customerEmail: "buyer@example.com",
    });
    // The hold expires; the payment arrives afterwards, before the provider knows it as paid,
    // so the refund it owes is refused.
    await p.runJob("t1", "reconcile", { asOf: new Date(Date.now() + 31 * 60_000).toISOString() });
    await p.emitEvent("t1", "payments.succeeded", {
      provider: "paystack",
      reference: b.bookingId,
      checkoutId: b.checkoutId,
      paymentId: b.checkoutId,
      amount: b.amount,
      currency: "ngn",
      applicationFeeAmount: b.platformFee,
      destination: paystackAccount,
    } satisfies PaymentSucceededEvent);
    const key = `expired:${b.bookingId}`;

    const now = await money();
    const row = now.intents.find((r) => r.key === key);
    expect(row).toMatchObject({
      kind: "refund",
      bookingId: b.bookingId,
      ownerUserId: OWNER_ID,
      amount: b.amount,
      currency: "NGN",
      attempts: 1,
      lastError: expect.stringContaining("No such payment"),
      stuck: false,
      inFlight: false,
    });
    expect(row?.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(row?.ageSeconds).toBeLessThan(600);
    // Two hours on, the same intent is marked stuck and counted.
    const later = await money(new Date(Date.now() + 2 * 3_600_000).toISOString());
    const old = later.intents.find((r) => r.key === key);
    expect(old?.stuck).toBe(true);
    expect(old?.ageSeconds).toBeGreaterThan(3600);
    expect(later.stuck).toBeGreaterThanOrEqual(1);

    // Retrying while the provider still refuses: still pending, one more attempt, same error.
    const refused = await p.call<Retry>(
      "t1",
      "admin.retryMoney",
      { kind: "refund", key },
      as(ADMIN),
    );
    expect(refused).toMatchObject({ settled: false, retried: true });
    expect(refused.error).toContain("No such payment");
    expect((await money()).intents.find((r) => r.key === key)?.attempts).toBe(2);

    // The provider now has the payment. Members who are not admins may neither see nor retry.
    await p.payments.pay(b.checkoutId);
    for (const who of [ADVERTISER, OWNER]) {
      await expect(
        p.call("t1", "admin.retryMoney", { kind: "refund", key }, as(who)),
      ).rejects.toMatchObject({ pluginCode: "forbidden" });
      await expect(p.call("t1", "admin.money", {}, as(who))).rejects.toMatchObject({
        pluginCode: "forbidden",
      });
    }
    expect(p.payments.refunds.filter((r) => r.paymentId === b.checkoutId)).toEqual([]);

    // Concurrent retries and a reconcile run: the refund is made once.
    const results = await Promise.all([
      p.call<Retry>("t1", "admin.retryMoney", { kind: "refund", key }, as(ADMIN)),
      p.call<Retry>("t1", "admin.retryMoney", { kind: "refund", key }, as(ADMIN)),
      p.runJob("t1", "reconcile"),
    ]);
    expect(results.slice(0, 2).filter((r) => (r as Retry).retried).length).toBeLessThanOrEqual(1);
    const again = await p.call<Retry>("t1", "admin.retryMoney", { kind: "refund", key }, as(ADMIN));
    expect(again).toMatchObject({ settled: true, retried: false });
    expect(
      p.payments.refunds.filter((r) => r.paymentId === b.checkoutId).map((r) => r.amount),
    ).toEqual([b.amount]);
    const refunds = (await ledgerOf(p, "t1", b.bookingId)).filter((e) => e.kind === "refund");
    expect(refunds.map((e) => e.amount)).toEqual([b.amount]);
    expect((await money()).intents.find((r) => r.key === key)).toBeUndefined();
  });

  it("a refused payout is listed and a retry pays it once after the account is enabled", async () => {
    const otherId = "00000000-0000-4000-8000-0000000000e5";
    const other = member(otherId);
    const otherAccount = (
      await p.call<{ accountRef: string }>(
        "t1",
        "payouts.connect",
        { provider: "stripe", email: "o@example.com", country: "US", returnUrl: URLS.successUrl },
        as(other),
      )
    ).accountRef;
    await earnTwoPlays(OWNER);
    await earnTwoPlays(other);
    const paidTo = () => p.payments.payouts.filter((x) => x.accountId === stripeAccount);
    p.payments.setOnboarded(stripeAccount, false);
    p.payments.setOnboarded(otherAccount, false);
    let key = "";
    try {
      await p.runJob("t1", "payouts");
      const listed = (await money()).intents.filter((r) => r.kind === "payout");
      expect(listed).toHaveLength(2);
      const row = listed.find((r) => r.ownerUserId !== otherId);
      expect(row).toMatchObject({
        ownerUserId: OWNER_ID,
        amount: 160,
        currency: "USD",
        attempts: 1,
        lastError: expect.stringContaining("Payouts are not enabled"),
      });
      key = row?.key ?? "";
      const refused = await p.call<Retry>(
        "t1",
        "admin.retryMoney",
        { kind: "payout", key },
        as(ADMIN),
      );
      expect(refused).toMatchObject({ settled: false, retried: true });
    } finally {
      p.payments.setOnboarded(stripeAccount, true);
    }
    // Only that intent was tried: the other owner's is untouched.
    const theirs = (await money()).intents.find((r) => r.ownerUserId === otherId);
    expect(theirs?.attempts).toBe(1);
    await expect(
      p.call("t1", "admin.retryMoney", { kind: "payout", key }, as(OWNER)),
    ).rejects.toMatchObject({ pluginCode: "forbidden" });
    expect(paidTo()).toEqual([]);
    const ok = await p.call<Retry>("t1", "admin.retryMoney", { kind: "payout", key }, as(ADMIN));
    expect(ok).toMatchObject({ settled: true, retried: true });
    const twice = await p.call<Retry>("t1", "admin.retryMoney", { kind: "payout", key }, as(ADMIN));
    expect(twice).toMatchObject({ settled: true, retried: false });
    expect((await money()).intents.find((r) => r.ownerUserId === otherId)?.attempts).toBe(1);
    p.payments.setOnboarded(otherAccount, true);
    await p.runJob("t1", "payouts");
    expect(paidTo().map((x) => x.amount)).toEqual([160]);
    expect((await money()).intents.find((r) => r.key === key)).toBeUndefined();
  });

  it("a retry of an unknown key is refused, naming the key", async () => {
    await expect(
      p.call("t1", "admin.retryMoney", { kind: "payout", key: "payout:nobody" }, as(ADMIN)),
    ).rejects.toMatchObject({ pluginCode: "not_found", message: expect.stringContaining("key") });
  });

  it("lists flagged payments with the reason and whether their refund went through", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const a = await hold({ screenId, creativeId, from: day(7), to: day(7) });
    const b = await hold({ screenId, creativeId, from: day(8), to: day(8) });
    // A real payment (booking a's) delivered against booking b: flagged and refunded.
    const paid = await p.payments.pay(a.checkoutId);
    await p.emitEvent("t1", "payments.succeeded", { ...paid, reference: b.bookingId });
    // A payment the provider does not know for this plugin: flagged, its refund refused.
    const forged = { ...paid, reference: b.bookingId, checkoutId: b.checkoutId, amount: 1 };
    forged.paymentId = `pi_${randomUUID().replaceAll("-", "")}`;
    await p.emitEvent("t1", "payments.succeeded", forged);

    const { flags } = await money();
    expect(flags.find((f) => f.paymentId === forged.paymentId)).toMatchObject({
      bookingId: b.bookingId,
      amount: 1,
      currency: "USD",
      reason: "amount is not the booking's",
      refund: "pending",
      refundKey: `mismatch:${forged.paymentId}`,
      refundError: expect.stringContaining("No such payment"),
    });
    expect(flags.find((f) => f.paymentId === paid.paymentId)).toMatchObject({
      bookingId: b.bookingId,
      amount: a.amount,
      reason: "checkout is not the booking's",
      refund: "done",
      refundError: null,
    });
    expect(p.payments.refunds.filter((r) => r.paymentId === paid.paymentId)).toHaveLength(1);
  });
});
