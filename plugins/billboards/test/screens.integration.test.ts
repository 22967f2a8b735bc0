import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  ADVERTISER,
  approvedScreen,
  as,
  creative,
  day,
  OWNER,
  pairedDevice,
  png,
  SCREEN,
  type ScreenOut,
} from "./helpers.ts";

let p: PluginRun;
beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1", "t2"] });
});
afterAll(() => p?.close());

type Quote = {
  spotsPerHour: number;
  hours: number;
  playsPerSpotHour: number;
  totalPlays: number;
  estimatedImpressions: number;
  amount: number;
  platformFee: number;
  ownerShare: number;
  availableSpots: number;
  fits: boolean;
};

describe("screens", () => {
  it("a new screen waits for an admin's approval before anyone can book it", async () => {
    const { screen } = await p.call<ScreenOut>("t1", "screens.create", SCREEN, as(OWNER));
    expect(screen.status).toBe("pending_approval");
    const ask = { screenId: screen.id, from: day(1), to: day(1), spotsPerHour: 1 };
    await expect(p.call("t1", "bookings.quote", ask, as(ADVERTISER))).rejects.toMatchObject({
      pluginCode: "not_bookable",
    });
    await expect(
      p.call("t1", "screens.review", { screenId: screen.id, decision: "approve" }, as(OWNER)),
    ).rejects.toMatchObject({ pluginCode: "forbidden" });
    await p.call("t1", "screens.review", { screenId: screen.id, decision: "approve" }, as(ADMIN));
    expect((await p.call<Quote>("t1", "bookings.quote", ask, as(ADVERTISER))).fits).toBe(true);
    const found = await p.call<{ screens: { id: string }[] }>(
      "t1",
      "screens.find",
      { area: "lagos" },
      as(ADVERTISER),
    );
    expect(found.screens.map((s) => s.id)).toContain(screen.id);
    // Another tenant's marketplace does not see it.
    const other = await p.call<{ screens: unknown[] }>("t2", "screens.find", {}, as(ADVERTISER));
    expect(other.screens).toEqual([]);
  });

  it("tells the page who is looking (the admin tab is for managers only)", async () => {
    expect(await p.call("t1", "me.get", {}, as(ADMIN))).toMatchObject({ canManage: true });
    expect(await p.call("t1", "me.get", {}, as(OWNER))).toMatchObject({
      canManage: false,
      ownsScreens: expect.any(Number),
    });
    await expect(p.call("t1", "admin.overview", {}, as(OWNER))).rejects.toMatchObject({
      pluginCode: "forbidden",
    });
  });

  it("refuses a loop that does not divide the hour, naming the field", async () => {
    await expect(
      p.call("t1", "screens.create", { ...SCREEN, loopSeconds: 70 }, as(OWNER)),
    ).rejects.toMatchObject({ message: expect.stringMatching(/loopSeconds.*divide an hour/s) });
  });

  it("filters the marketplace by venue, price and availability", async () => {
    const mall = await approvedScreen(p, "t2", { venueType: "mall", pricePerSpotHour: 900 });
    const road = await approvedScreen(p, "t2", { venueType: "roadside", pricePerSpotHour: 5000 });
    const find = (q: object) =>
      p
        .call<{ screens: { id: string }[] }>("t2", "screens.find", q, as(ADVERTISER))
        .then((r) => r.screens.map((s) => s.id));
    expect(await find({ venueType: "mall" })).toEqual([mall]);
    expect(await find({ maxPricePerSpotHour: 1000 })).toEqual([mall]);
    expect(await find({ available: { from: day(1), to: day(2), spotsPerHour: 4 } })).toEqual(
      expect.arrayContaining([mall, road]),
    );
    expect(await find({ available: { from: day(1), to: day(2), spotsPerHour: 5 } })).toEqual([]);
  });
});

describe("quote", () => {
  it("prices share of loop: spots × hours, plays = spots × 3600 / loop × hours", async () => {
    const screenId = await approvedScreen(p, "t1");
    const q = await p.call<Quote>(
      "t1",
      "bookings.quote",
      {
        screenId,
        from: day(1),
        to: day(2),
        dayparts: [{ start: "08:00", end: "10:00" }],
        spotsPerHour: 2,
      },
      as(ADVERTISER),
    );
    expect(q).toMatchObject({
      spotsPerHour: 2,
      hours: 4,
      playsPerSpotHour: 60,
      totalPlays: 480,
      estimatedImpressions: 1200,
      amount: 48_000,
      platformFee: 9_600,
      ownerShare: 38_400,
      availableSpots: 4,
    });
  });

  it("refuses dayparts outside the screen's hours and more spots than the loop holds", async () => {
    const screenId = await approvedScreen(p, "t1", {
      hours: { open: "07:00", close: "21:00", timezone: "Africa/Lagos" },
    });
    const base = { screenId, from: day(1), to: day(1), spotsPerHour: 1 };
    await expect(
      p.call(
        "t1",
        "bookings.quote",
        { ...base, dayparts: [{ start: "20:00", end: "23:00" }] },
        as(ADVERTISER),
      ),
    ).rejects.toMatchObject({
      pluginCode: "outside_hours",
      message: expect.stringContaining(
        "dayparts[0]: 20:00–23:00 is outside the screen's hours 07:00–21:00",
      ),
    });
    await expect(
      p.call("t1", "bookings.quote", { ...base, spotsPerHour: 5 }, as(ADVERTISER)),
    ).rejects.toMatchObject({
      pluginCode: "over_capacity",
      message: expect.stringContaining("spotsPerHour: the loop has 4 spots"),
    });
    const q = await p.call<Quote>("t1", "bookings.quote", base, as(ADVERTISER));
    expect(q.hours).toBe(14); // every open hour when no dayparts are given
  });
});

describe("creatives", () => {
  it("accepts a creative that fits the screen and refuses wrong sizes and types by field", async () => {
    const screenId = await approvedScreen(p, "t1");
    expect(await creative(p, "t1", screenId)).toMatch(/^[0-9a-f-]{36}$/);
    const square = await p.upload("t1", png(800, 800));
    await expect(
      p.call("t1", "creatives.create", { screenId, key: square.key, name: "x" }, as(ADVERTISER)),
    ).rejects.toMatchObject({
      pluginCode: "invalid_creative",
      message: expect.stringContaining("key: 800×800 does not fit the screen's 1920×1080"),
    });
    const tiny = await p.upload("t1", png(320, 180));
    await expect(
      p.call("t1", "creatives.create", { screenId, key: tiny.key, name: "x" }, as(ADVERTISER)),
    ).rejects.toMatchObject({ message: expect.stringContaining("too small") });
    await expect(p.upload("t1", new TextEncoder().encode("not an image"))).rejects.toThrow(
      /^file: /,
    );
  });
});

describe("screen devices", () => {
  it("pairs with a code once; an expired or used code is refused naming the code", async () => {
    const screenId = await approvedScreen(p, "t1");
    const expired = p.devices.pairingCode();
    p.devices.expireCode(expired);
    await expect(
      p.call("t1", "screens.pair", { screenId, code: expired }, as(OWNER)),
    ).rejects.toMatchObject({ message: expect.stringMatching(/code: .*expired/) });
    const code = p.devices.pairingCode();
    await p.call("t1", "screens.pair", { screenId, code }, as(OWNER));
    await expect(p.call("t1", "screens.pair", { screenId, code }, as(OWNER))).rejects.toMatchObject(
      { message: expect.stringMatching(/code: .*already used/) },
    );
  });

  it("a device gets its schedule and sends heartbeats; members cannot call device procedures", async () => {
    const screenId = await approvedScreen(p, "t1");
    const deviceId = await pairedDevice(p, "t1", screenId);
    expect(p.recorded.realtime).toContainEqual(
      expect.objectContaining({ channel: "schedule", deviceId }),
    );
    const schedule = await p.callAsDevice<{
      screenId: string;
      items: unknown[];
      loopSeconds: number;
    }>(deviceId, "screen.schedule", {});
    expect(schedule).toMatchObject({ screenId, items: [], loopSeconds: 60, spotSeconds: 15 });
    const beat = {
      uptimeSeconds: 30,
      freeStorageBytes: 1_000_000,
      appVersion: "1.0.0",
      currentItem: null,
      clockOffsetMs: 12,
    };
    expect(await p.callAsDevice(deviceId, "screen.heartbeat", beat)).toMatchObject({ ok: true });
    const mine = await p.call<{ screens: { id: string; health: { status: string } }[] }>(
      "t1",
      "screens.mine",
      {},
      as(OWNER),
    );
    expect(mine.screens.find((s) => s.id === screenId)?.health.status).toBe("online");
    await expect(p.call("t1", "screen.heartbeat", beat, as(OWNER))).rejects.toMatchObject({
      pluginCode: "forbidden",
    });
    await expect(p.callAsDevice(deviceId, "screens.create", SCREEN)).rejects.toThrow(/403/);
    // Unpaired: the device's token stops working, so its heartbeat is refused.
    await p.call("t1", "screens.unpair", { screenId }, as(OWNER));
    await expect(p.callAsDevice(deviceId, "screen.heartbeat", beat)).rejects.toThrow(/401/);
  });
});
