import { randomUUID } from "node:crypto";
import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  ADVERTISER,
  approvedScreen,
  as,
  bookAndPay,
  creative,
  day,
  ledgerOf,
  OWNER,
  ownerPayouts,
  pairedDevice,
  total,
  URLS,
} from "./helpers.ts";

let p: PluginRun;
beforeAll(async () => {
  p = await runPlugin({
    dir: new URL("..", import.meta.url),
    tenants: ["t1"],
    // 50 bookings at once in one isolate: room for all their host calls in flight.
    pool: { maxConcurrentHostCalls: 256 },
  });
  await ownerPayouts(p, "t1");
});
afterAll(() => p?.close());

const play = (bookingId: string, creativeId: string, at = new Date()) => ({
  id: randomUUID(),
  itemId: `booking:${bookingId}`,
  bookingId,
  creativeId,
  startedAt: at.toISOString(),
  durationMs: 15_000,
});

describe("booking race", () => {
  it("50 parallel bookings for the last spots never overbook", async () => {
    const screenId = await approvedScreen(p, "t1"); // 60 s loop, 15 s spots: 4 per hour
    const creativeId = await creative(p, "t1", screenId);
    const ask = {
      screenId,
      from: day(3),
      to: day(4),
      dayparts: [{ start: "09:00", end: "12:00" }],
    };
    const book = (spotsPerHour: number) =>
      p.call(
        "t1",
        "bookings.create",
        { ...ask, ...URLS, creativeId, spotsPerHour },
        as(ADVERTISER),
      );
    await book(2);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => book(1)));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(2);
    expect(lost).toHaveLength(48);
    for (const r of lost)
      expect(r.reason).toMatchObject({
        pluginCode: "over_capacity",
        message: expect.stringContaining("spotsPerHour: not enough free spots"),
      });
    const q = await p.call<{ availableSpots: number; fits: boolean }>(
      "t1",
      "bookings.quote",
      { ...ask, spotsPerHour: 1 },
      as(ADVERTISER),
    );
    expect(q).toMatchObject({ availableSpots: 0, fits: false });
  });
});

describe("payment, approval, proof of play and payouts", () => {
  it("marks a booking paid once, puts it on air when the owner approves, counts each play once and pays 80% of verified plays", async () => {
    const screenId = await approvedScreen(p, "t1");
    const deviceId = await pairedDevice(p, "t1", screenId);
    const creativeId = await creative(p, "t1", screenId);
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(0),
      to: day(0),
      spotsPerHour: 1,
    });
    // The same event again (a webhook retry) changes nothing.
    await p.emitEvent("t1", "payments.succeeded", b.event);
    let entries = await ledgerOf(p, "t1", b.bookingId);
    expect(entries.filter((e) => e.kind === "charge")).toHaveLength(1);
    expect(total(entries, "charge")).toBe(b.amount);
    expect(total(entries, "application_fee")).toBe(b.platformFee);
    expect(total(entries, "transfer")).toBe(b.amount - b.platformFee);
    expect(b.platformFee).toBe(Math.round(b.amount * 0.2));

    // Not on air until the owner approves the creative; then the screen is told at once.
    let schedule = await p.callAsDevice<{ items: { bookingId: string }[] }>(
      deviceId,
      "screen.schedule",
      {},
    );
    expect(schedule.items).toEqual([]);
    p.clearRecorded();
    await p.call("t1", "creatives.review", { creativeId, decision: "approve" }, as(OWNER));
    expect(p.recorded.realtime).toContainEqual(
      expect.objectContaining({ channel: "schedule", deviceId }),
    );
    schedule = await p.callAsDevice(deviceId, "screen.schedule", {});
    expect(schedule.items).toEqual([
      expect.objectContaining({ bookingId: b.bookingId, creativeId, spotsPerLoop: 1 }),
    ]);

    const first = play(b.bookingId, creativeId);
    const second = play(b.bookingId, creativeId);
    const once = await p.callAsDevice<{ acknowledged: string[] }>(deviceId, "screen.proofOfPlay", {
      records: [first],
    });
    expect(once.acknowledged).toEqual([first.id]);
    // A resent batch (the player lost the ack) is acknowledged again and counted once.
    const again = await p.callAsDevice<{ acknowledged: string[] }>(deviceId, "screen.proofOfPlay", {
      records: [first, second],
    });
    expect(new Set(again.acknowledged)).toEqual(new Set([first.id, second.id]));
    entries = await ledgerOf(p, "t1", b.bookingId);
    const earned = entries.filter((e) => e.kind === "earned_on_play");
    expect(earned).toHaveLength(2);
    // One play is worth price / plays per spot-hour; the owner earns 80% of it.
    const playValue = 6000 / 60;
    expect(total(entries, "earned_on_play")).toBeCloseTo(2 * playValue * 0.8, 4);

    const listed = await p.call<{ plays: { id: string }[]; verified: number }>(
      "t1",
      "plays.list",
      { bookingId: b.bookingId },
      as(ADVERTISER),
    );
    expect(new Set(listed.plays.map((x) => x.id))).toEqual(new Set([first.id, second.id]));
    expect(listed.verified).toBe(2);
    const run = await p.runJob<{ payouts: { amount: number }[] }>("t1", "payouts");
    expect(run.payouts).toEqual([expect.objectContaining({ amount: 160 })]);
    // Run again: nothing more is due, nothing is paid twice.
    expect((await p.runJob<{ payouts: unknown[] }>("t1", "payouts")).payouts).toEqual([]);
    // Admins may pay out at once (same rules); owners may not trigger it.
    await expect(p.call("t1", "payouts.run", {}, as(OWNER))).rejects.toMatchObject({
      pluginCode: "forbidden",
    });
    expect(await p.call("t1", "payouts.run", {}, as(ADMIN))).toEqual({ payouts: [], failed: [] });
    expect(p.payments.payouts).toEqual([expect.objectContaining({ amount: 160 })]);
  });

  it("refuses a play of another booking's creative or outside the booked hours, still acknowledging it", async () => {
    const screenId = await approvedScreen(p, "t1");
    const deviceId = await pairedDevice(p, "t1", screenId);
    const creativeId = await creative(p, "t1", screenId);
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(1),
      to: day(1),
      spotsPerHour: 1,
    });
    await p.call("t1", "creatives.review", { creativeId, decision: "approve" }, as(OWNER));
    const early = play(b.bookingId, creativeId); // now: the booking starts tomorrow
    const r = await p.callAsDevice<{ acknowledged: string[]; verified: number }>(
      deviceId,
      "screen.proofOfPlay",
      { records: [early] },
    );
    expect(r).toEqual({ acknowledged: [early.id], verified: 0 });
    expect(total(await ledgerOf(p, "t1", b.bookingId), "earned_on_play")).toBe(0);
  });
});

describe("cancellation", () => {
  it("mid-flight refunds exactly the unplayed spots and reverses the transfer and the fee", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(0),
      to: day(1),
      spotsPerHour: 2,
    });
    await p.call("t1", "creatives.review", { creativeId, decision: "approve" }, as(OWNER));
    const c = await p.call<{ refunded: number; releasedSpotHours: number }>(
      "t1",
      "bookings.cancel",
      { bookingId: b.bookingId },
      as(ADVERTISER),
    );
    // The hour on air is kept; every later hour comes back, 2 spots each.
    expect(c.releasedSpotHours).toBe(2 * (b.hours - 1));
    expect(c.refunded).toBe(6000 * 2 * (b.hours - 1));
    const entries = await ledgerOf(p, "t1", b.bookingId);
    expect(total(entries, "refund")).toBe(c.refunded);
    expect(total(entries, "transfer_reversal") + total(entries, "fee_refund")).toBe(c.refunded);
    expect(total(entries, "transfer_reversal")).toBeGreaterThan(0);
    expect(entries.find((e) => e.kind === "transfer_reversal")?.providerRef).toBeTruthy();
    // Cancelling again refunds nothing more.
    const again = await p.call<{ refunded: number }>(
      "t1",
      "bookings.cancel",
      { bookingId: b.bookingId },
      as(ADVERTISER),
    );
    expect(again.refunded).toBe(0);
    expect(total(await ledgerOf(p, "t1", b.bookingId), "refund")).toBe(c.refunded);
    // The released hours are free to sell again.
    const q = await p.call<{ availableSpots: number }>(
      "t1",
      "bookings.quote",
      { screenId, from: day(1), to: day(1), spotsPerHour: 1 },
      as(ADVERTISER),
    );
    expect(q.availableSpots).toBe(4);
  });
});

describe("owner readiness", () => {
  it("refuses to book a screen whose owner has not finished payout onboarding", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const { accountRef } = await ownerPayouts(p, "t1");
    p.payments.setOnboarded(accountRef, false);
    try {
      await expect(
        p.call(
          "t1",
          "bookings.create",
          { screenId, creativeId, from: day(6), to: day(6), spotsPerHour: 1, ...URLS },
          as(ADVERTISER),
        ),
      ).rejects.toMatchObject({
        pluginCode: "owner_not_ready",
        message: expect.stringContaining("has not finished setting up payouts"),
      });
    } finally {
      p.payments.setOnboarded(accountRef, true);
    }
  });
});

describe("Paystack (NGN)", () => {
  it("splits an NGN booking with the owner's subaccount and writes the same ledger", async () => {
    const sub = await p.call<{ accountRef: string }>(
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
    expect(sub.accountRef).toMatch(/^ACCT_/);
    const screenId = await approvedScreen(p, "t1", { currency: "NGN", pricePerSpotHour: 500_000 });
    const creativeId = await creative(p, "t1", screenId);
    const ask = { screenId, creativeId, from: day(2), to: day(2), spotsPerHour: 1, ...URLS };
    await expect(p.call("t1", "bookings.create", ask, as(ADVERTISER))).rejects.toMatchObject({
      message: expect.stringContaining("customerEmail: Paystack needs your e-mail"),
    });
    const b = await p.call<{
      bookingId: string;
      checkoutId: string;
      provider: string;
      amount: number;
    }>("t1", "bookings.create", { ...ask, customerEmail: "buyer@example.com" }, as(ADVERTISER));
    expect(b).toMatchObject({ provider: "paystack", amount: 500_000 * 24 });
    const event = await p.payments.pay(b.checkoutId);
    expect(event).toMatchObject({ provider: "paystack", destination: sub.accountRef });
    const entries = await ledgerOf(p, "t1", b.bookingId);
    expect(total(entries, "charge")).toBe(b.amount);
    expect(total(entries, "application_fee")).toBe(b.amount * 0.2);
    expect(total(entries, "transfer")).toBe(b.amount * 0.8);
  });
});

describe("disputes", () => {
  it("the advertiser disputes a booking and an admin resolves it with a partial refund", async () => {
    const screenId = await approvedScreen(p, "t1");
    const creativeId = await creative(p, "t1", screenId);
    const b = await bookAndPay(p, "t1", {
      screenId,
      creativeId,
      from: day(7),
      to: day(7),
      spotsPerHour: 1,
    });
    const stranger = { ...ADVERTISER, userId: "00000000-0000-4000-8000-0000000000d4" };
    await expect(
      p.call("t1", "disputes.open", { bookingId: b.bookingId, reason: "nope" }, as(stranger)),
    ).rejects.toMatchObject({ pluginCode: "forbidden" });
    const { disputeId } = await p.call<{ disputeId: string }>(
      "t1",
      "disputes.open",
      { bookingId: b.bookingId, reason: "The screen was dark at noon" },
      as(ADVERTISER),
    );
    const overview = await p.call<{ disputes: { id: string; status: string }[] }>(
      "t1",
      "admin.overview",
      {},
      as(ADMIN),
    );
    expect(overview.disputes).toContainEqual(
      expect.objectContaining({ id: disputeId, status: "open" }),
    );
    await expect(
      p.call(
        "t1",
        "disputes.resolve",
        { disputeId, decision: "resolved", resolution: "Refund one", refundAmount: 1 },
        as(OWNER),
      ),
    ).rejects.toMatchObject({ pluginCode: "forbidden" });
    await expect(
      p.call(
        "t1",
        "disputes.resolve",
        { disputeId, decision: "resolved", resolution: "too much", refundAmount: b.amount + 1 },
        as(ADMIN),
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining("refundAmount: at most") });
    await p.call(
      "t1",
      "disputes.resolve",
      { disputeId, decision: "resolved", resolution: "One hour refunded", refundAmount: 6000 },
      as(ADMIN),
    );
    const entries = await ledgerOf(p, "t1", b.bookingId);
    expect(total(entries, "refund")).toBe(6000);
    expect(total(entries, "transfer_reversal") + total(entries, "fee_refund")).toBe(6000);
    await expect(
      p.call(
        "t1",
        "disputes.resolve",
        { disputeId, decision: "rejected", resolution: "again" },
        as(ADMIN),
      ),
    ).rejects.toMatchObject({ pluginCode: "conflict" });
  });
});
