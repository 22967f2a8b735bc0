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
  pairedDevice,
  total,
} from "./helpers.ts";

let p: PluginRun;
beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1"] });
  await ownerPayouts(p, "t1");
});
afterAll(() => p?.close());

const beat = {
  uptimeSeconds: 30,
  freeStorageBytes: 5_000_000_000,
  appVersion: "1.0.0",
  currentItem: null,
  clockOffsetMs: 0,
};
const HOUR = 3_600_000;
const thisHour = () => Math.floor(Date.now() / HOUR) * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

type Reconciled = {
  missed: { bookingId: string; outcome: string; spots: number; at?: string; amount?: number }[];
};

/** A screen on air with a paid, approved booking for every hour of today and tomorrow. */
async function onAir(overrides: Record<string, unknown> = {}, spotsPerHour = 1) {
  const screenId = await approvedScreen(p, "t1", overrides);
  const deviceId = await pairedDevice(p, "t1", screenId);
  const creativeId = await creative(p, "t1", screenId);
  const b = await bookAndPay(p, "t1", {
    screenId,
    creativeId,
    from: day(0),
    to: day(1),
    spotsPerHour,
  });
  await p.call("t1", "creatives.review", { creativeId, decision: "approve" }, as(OWNER));
  return { screenId, deviceId, creativeId, booking: b };
}

describe("offline detection", () => {
  it("marks a screen offline after 90 s without a heartbeat and alerts its owner; a heartbeat brings it back", async () => {
    const { screenId, deviceId } = await onAir();
    await p.callAsDevice(deviceId, "screen.heartbeat", beat);
    expect(await p.runJob("t1", "detect-offline")).toEqual({ offline: [] });
    p.clearRecorded();
    const later = await p.runJob<{ offline: string[] }>("t1", "detect-offline", {
      asOf: iso(Date.now() + 120_000),
    });
    expect(later.offline).toEqual([screenId]);
    expect(p.recorded.events).toContainEqual(
      expect.objectContaining({ type: "billboards.screen.offline" }),
    );
    expect(p.recorded.realtime).toContainEqual(
      expect.objectContaining({
        channel: "alerts",
        payload: expect.objectContaining({ screenId }),
      }),
    );
    const dash = await p.call<{
      screens: { id: string; health: string }[];
      alerts: { kind: string }[];
    }>("t1", "dashboard.owner", {}, as(OWNER));
    expect(dash.screens.find((s) => s.id === screenId)?.health).toBe("offline");
    expect(dash.alerts.map((a) => a.kind)).toContain("offline");
    // Running again does not alert twice.
    expect(await p.runJob("t1", "detect-offline", { asOf: iso(Date.now() + 180_000) })).toEqual({
      offline: [],
    });
    await p.callAsDevice(deviceId, "screen.heartbeat", beat);
    const back = await p.call<{ screens: { id: string; health: string }[] }>(
      "t1",
      "dashboard.owner",
      {},
      as(OWNER),
    );
    expect(back.screens.find((s) => s.id === screenId)?.health).toBe("online");
  });
});

describe("missed spots", () => {
  it("makes good the spots missed while a screen was offline, in a later hour with room", async () => {
    const { screenId, deviceId, booking } = await onAir();
    await p.callAsDevice(deviceId, "screen.heartbeat", beat);
    await p.runJob("t1", "detect-offline", { asOf: iso(Date.now() + 120_000) });
    // The hour on air has ended (and its grace) without a single play.
    const r = await p.runJob<Reconciled>("t1", "reconcile", {
      asOf: iso(thisHour() + HOUR + 600_000),
    });
    const mine = r.missed.filter((m) => m.bookingId === booking.bookingId);
    expect(mine).toEqual([
      expect.objectContaining({ outcome: "makegood", spots: 1, at: expect.any(String) }),
    ]);
    const entries = await ledgerOf(p, "t1", booking.bookingId);
    expect(total(entries, "makegood")).toBe(6000);
    expect(total(entries, "refund")).toBe(0);
    const schedule = await p.callAsDevice<{ items: { itemId: string; from: string }[] }>(
      deviceId,
      "screen.schedule",
      {},
    );
    expect(schedule.items.some((i) => i.itemId.startsWith(`makegood:${booking.bookingId}`))).toBe(
      true,
    );
    // Reconciling again settles nothing twice.
    const again = await p.runJob<Reconciled>("t1", "reconcile", {
      asOf: iso(thisHour() + HOUR + 600_000),
    });
    expect(again.missed.filter((m) => m.bookingId === booking.bookingId)).toEqual([]);
    expect(screenId).toBeTruthy();
  });

  it("refunds missed spots pro rata when no later hour has room", async () => {
    // A 2-spot loop, fully booked for the next two weeks.
    const shape = { loopSeconds: 60, spotSeconds: 30 };
    const { screenId, deviceId, booking } = await onAir(shape);
    const filler = await creative(p, "t1", screenId);
    await bookAndPay(p, "t1", {
      screenId,
      creativeId: filler,
      from: day(0),
      to: day(16),
      spotsPerHour: 1,
    });
    const more = await creative(p, "t1", screenId);
    await bookAndPay(p, "t1", {
      screenId,
      creativeId: more,
      from: day(2),
      to: day(16),
      spotsPerHour: 1,
    });
    // Approved, so reconcile keeps them (an unreviewed creative is cancelled at its first hour).
    for (const c of [filler, more])
      await p.call("t1", "creatives.review", { creativeId: c, decision: "approve" }, as(OWNER));
    await p.callAsDevice(deviceId, "screen.heartbeat", beat);
    await p.runJob("t1", "detect-offline", { asOf: iso(Date.now() + 120_000) });
    const r = await p.runJob<Reconciled>("t1", "reconcile", {
      asOf: iso(thisHour() + HOUR + 600_000),
    });
    expect(r.missed.filter((m) => m.bookingId === booking.bookingId)).toEqual([
      expect.objectContaining({ outcome: "refund", spots: 1, amount: 6000 }),
    ]);
    const entries = await ledgerOf(p, "t1", booking.bookingId);
    expect(total(entries, "refund")).toBe(6000);
    expect(total(entries, "transfer_reversal") + total(entries, "fee_refund")).toBe(6000);
    expect(p.payments.refunds.at(-1)).toMatchObject({ amount: 6000 });
    const adv = await p.call<{ bookings: { id: string; refunded: number }[] }>(
      "t1",
      "dashboard.advertiser",
      {},
      as(ADVERTISER),
    );
    expect(adv.bookings.find((b) => b.id === booking.bookingId)?.refunded).toBe(6000);
  });
});

describe("unpaid holds", () => {
  it("releases a booking's spots when nobody paid within 30 minutes", async () => {
    const screenId = await approvedScreen(p, "t1", { loopSeconds: 60, spotSeconds: 60 });
    const creativeId = await creative(p, "t1", screenId);
    const ask = { screenId, from: day(5), to: day(5), spotsPerHour: 1 };
    await p.call(
      "t1",
      "bookings.create",
      {
        ...ask,
        creativeId,
        successUrl: "https://portal.example.com/ok",
        cancelUrl: "https://portal.example.com/no",
      },
      as(ADVERTISER),
    );
    const full = await p.call<{ availableSpots: number }>(
      "t1",
      "bookings.quote",
      ask,
      as(ADVERTISER),
    );
    expect(full.availableSpots).toBe(0);
    const r = await p.runJob<{ expired: number }>("t1", "reconcile", {
      asOf: iso(Date.now() + 31 * 60_000),
    });
    expect(r.expired).toBeGreaterThanOrEqual(1);
    const free = await p.call<{ availableSpots: number }>(
      "t1",
      "bookings.quote",
      ask,
      as(ADVERTISER),
    );
    expect(free.availableSpots).toBe(1);
  });
});
