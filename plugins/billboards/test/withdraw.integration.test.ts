import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADVERTISER,
  approvedScreen,
  as,
  bookAndPay,
  creative,
  day,
  ledgerOf,
  OWNER,
  ownerPayouts,
  total,
  URLS,
} from "./helpers.ts";

let p: PluginRun;
beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1"] });
  await ownerPayouts(p, "t1");
});
afterAll(() => p?.close());

const PRICE = 6000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

type AdvertiserBooking = {
  id: string;
  status: string;
  refunded: number;
  cancelReason: string | null;
};
const advertiserBooking = async (id: string) => {
  const r = await p.call<{ bookings: AdvertiserBooking[] }>(
    "t1",
    "dashboard.advertiser",
    {},
    as(ADVERTISER),
  );
  return r.bookings.find((b) => b.id === id);
};
const ownerAlerts = async () =>
  (
    await p.call<{ alerts: { kind: string; message: string }[] }>(
      "t1",
      "dashboard.owner",
      {},
      as(OWNER),
    )
  ).alerts;
const reject = (creativeId: string, note: string) =>
  p.call<{ cancelledBookings: string[] }>(
    "t1",
    "creatives.review",
    { creativeId, decision: "reject", note },
    as(OWNER),
  );

describe("a rejected creative", () => {
  it("rejected after payment, before any hour played: the booking is cancelled and refunded in full", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(2),
      to: day(2),
      spotsPerHour: 1,
    });
    expect(b.amount).toBe(PRICE * 24);
    const r = await reject(creativeId, "Shows a competitor's logo");
    expect(r.cancelledBookings).toEqual([b.bookingId]);
    const mine = await advertiserBooking(b.bookingId);
    expect(mine).toMatchObject({ status: "cancelled", refunded: b.amount });
    expect(mine?.cancelReason).toContain("Shows a competitor's logo");
    const entries = await ledgerOf(p, "t1", b.bookingId);
    expect(total(entries, "refund")).toBe(b.amount);
    expect(total(entries, "transfer_reversal") + total(entries, "fee_refund")).toBe(b.amount);
    expect(p.payments.refunds.at(-1)).toMatchObject({ amount: b.amount });
    const alert = (await ownerAlerts()).find((a) => a.message.includes(b.bookingId));
    expect(alert).toMatchObject({ kind: "booking_cancelled" });
    expect(alert?.message).toContain("Shows a competitor's logo");
    const free = await p.call<{ availableSpots: number }>(
      "t1",
      "bookings.quote",
      { screenId, from: day(2), to: day(2), spotsPerHour: 1 },
      as(ADVERTISER),
    );
    expect(free.availableSpots).toBe(4);
    // Rejecting again changes nothing: nothing is refunded twice.
    expect((await reject(creativeId, "Still no")).cancelledBookings).toEqual([]);
    expect(total(await ledgerOf(p, "t1", b.bookingId), "refund")).toBe(b.amount);
  });

  it("approved, on air, then rejected: the hours after the one on air are refunded pro rata", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(0),
      to: day(1),
      spotsPerHour: 1,
    });
    await p.call("t1", "creatives.review", { creativeId, decision: "approve" }, as(OWNER));
    expect((await advertiserBooking(b.bookingId))?.status).toBe("active");
    const r = await reject(creativeId, "The advertiser changed the offer after approval");
    expect(r.cancelledBookings).toEqual([b.bookingId]);
    // The hour on air stays held (as when the advertiser cancels); every later one is refunded.
    const unplayed = (b.hours - 1) * PRICE;
    const mine = await advertiserBooking(b.bookingId);
    expect(mine).toMatchObject({ status: "cancelled", refunded: unplayed });
    expect(mine?.cancelReason).toContain("changed the offer");
    expect(total(await ledgerOf(p, "t1", b.bookingId), "refund")).toBe(unplayed);
  });
});

describe("a creative nobody reviewed", () => {
  it("when the first booked hour starts, the booking is cancelled and refunded in full instead of collecting makegoods", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    // Today's hours from the current one, and tomorrow: the first hour has started.
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(0),
      to: day(1),
      spotsPerHour: 1,
    });
    const later = await creative(p, "t1", screenId);
    const notYet = await bookAndPay(p, "t1", {
      screenId,
      creativeId: later,
      from: day(3),
      to: day(3),
      spotsPerHour: 1,
    });
    const r = await p.runJob<{ unreviewedCancelled: string[] }>("t1", "reconcile");
    expect(r.unreviewedCancelled).toContain(b.bookingId);
    expect(r.unreviewedCancelled).not.toContain(notYet.bookingId);
    const mine = await advertiserBooking(b.bookingId);
    expect(mine).toMatchObject({ status: "cancelled", refunded: b.amount });
    expect(mine?.cancelReason).toMatch(/had not approved the creative/);
    expect((await advertiserBooking(notYet.bookingId))?.status).toBe("paid");
    // The hour that ended unplayed is not made good later: it was refunded.
    const settled = await p.runJob<{ missed: { bookingId: string }[] }>("t1", "reconcile", {
      asOf: iso(Math.floor(Date.now() / HOUR) * HOUR + HOUR + 600_000),
    });
    expect(settled.missed.filter((m) => m.bookingId === b.bookingId)).toEqual([]);
    const entries = await ledgerOf(p, "t1", b.bookingId);
    expect(total(entries, "makegood")).toBe(0);
    expect(total(entries, "refund")).toBe(b.amount);
  });
});

describe("the checkout ends with the hold", () => {
  it("a Stripe checkout expires when the hold does; paying later is refused and the spots go back", async () => {
    const screenId = await approvedScreen(p, "t1", { loopSeconds: 60, spotSeconds: 60 });
    const creativeId = await creative(p, "t1", screenId);
    const ask = { screenId, from: day(4), to: day(4), spotsPerHour: 1 };
    p.clearRecorded();
    const b = await p.call<{ bookingId: string; checkoutId: string; expiresAt: string }>(
      "t1",
      "bookings.create",
      { ...ask, creativeId, ...URLS },
      as(ADVERTISER),
    );
    const call = p.recorded.payments.find((c) => c.method === "createCheckout");
    if (!call) throw new Error("no checkout was opened");
    const asked = (call.args as { expiresAt?: string }).expiresAt;
    expect(asked).toBeDefined();
    // The hold ends when the session does (Stripe's minimum lifts it a minute at most).
    expect((call.result as { expiresAt?: string }).expiresAt).toBe(b.expiresAt);
    const minutes = (Date.parse(b.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(31);
    expect(Date.parse(b.expiresAt) - Date.parse(String(asked))).toBeLessThanOrEqual(61_000);

    const late = new Date(Date.parse(b.expiresAt) + 1000);
    await expect(p.payments.pay(b.checkoutId, { at: late })).rejects.toThrow(/expired/);
    const r = await p.runJob<{ expired: number }>("t1", "reconcile", { asOf: late.toISOString() });
    expect(r.expired).toBeGreaterThanOrEqual(1);
    expect((await advertiserBooking(b.bookingId))?.status).toBe("cancelled");
    const free = await p.call<{ availableSpots: number }>(
      "t1",
      "bookings.quote",
      ask,
      as(ADVERTISER),
    );
    expect(free.availableSpots).toBe(1);
  });

  it("a Paystack link has no expiry: a payment after the hold ended is refunded in full", async () => {
    await p.call(
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
    const b = await p.call<{ bookingId: string; checkoutId: string; amount: number }>(
      "t1",
      "bookings.create",
      {
        screenId,
        creativeId,
        from: day(4),
        to: day(4),
        spotsPerHour: 1,
        customerEmail: "buyer@example.com",
        ...URLS,
      },
      as(ADVERTISER),
    );
    await p.runJob("t1", "reconcile", { asOf: iso(Date.now() + 40 * 60_000) });
    await p.payments.pay(b.checkoutId);
    const entries = await ledgerOf(p, "t1", b.bookingId);
    expect(total(entries, "charge")).toBe(b.amount);
    expect(total(entries, "refund")).toBe(b.amount);
    expect((await advertiserBooking(b.bookingId))?.status).toBe("cancelled");
  });
});
