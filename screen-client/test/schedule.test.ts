import { describe, expect, it } from "vitest";
import { ServerClock } from "../src/clock";
import {
  activeItems,
  buildSlots,
  inWindow,
  newItems,
  parseSchedule,
  type Schedule,
  type ScheduleItem,
  slotAt,
} from "../src/schedule";

const item = (itemId: string, over: Partial<ScheduleItem> = {}): ScheduleItem => ({
  itemId,
  bookingId: `b-${itemId}`,
  creativeId: `c-${itemId}`,
  url: `/api/plugin-files/t/billboards/${itemId}.png`,
  contentType: "image/png",
  sha256: itemId,
  durationMs: 10_000,
  from: "2026-01-01T00:00:00Z",
  to: "2027-01-01T00:00:00Z",
  dayparts: [],
  spotsPerLoop: 1,
  ...over,
});

const schedule = (items: ScheduleItem[], over: Partial<Schedule> = {}): Schedule => ({
  screenId: "s1",
  version: 1,
  loopSeconds: 60,
  spotSeconds: 10,
  serverTime: 0,
  hours: { open: "06:00", close: "23:00", timezone: "Africa/Lagos" },
  fallback: { title: "Lekki Screen" },
  items,
  ...over,
});

// 12:00 in Lagos (UTC+1) is 11:00 UTC.
const noonLagos = Date.parse("2026-06-01T11:00:00Z");

describe("loop slots", () => {
  it("gives each item its share of the loop and leaves the rest to the fallback", () => {
    const slots = buildSlots([item("a", { spotsPerLoop: 2 }), item("b")], 6);
    expect(slots).toHaveLength(6);
    expect(slots.filter((s) => s?.itemId === "a")).toHaveLength(2);
    expect(slots.filter((s) => s?.itemId === "b")).toHaveLength(1);
    expect(slots.filter((s) => s === null)).toHaveLength(3);
    // Spread out, not bunched: no two item slots are adjacent when there is room.
    const indexes = slots.flatMap((s, i) => (s ? [i] : []));
    expect(indexes).toEqual([0, 2, 4]);
  });

  it("never gives out more slots than the loop has", () => {
    const slots = buildSlots([item("a", { spotsPerLoop: 5 }), item("b", { spotsPerLoop: 5 })], 6);
    expect(slots.every((s) => s !== null)).toBe(true);
    expect(slots).toHaveLength(6);
  });

  it("aligns loops to server time so every screen is in step", () => {
    const s = schedule([]);
    const pos = slotAt(s, Date.parse("2026-06-01T11:00:25Z"));
    expect(pos.index).toBe(2);
    expect(new Date(pos.slotStart).toISOString()).toBe("2026-06-01T11:00:20.000Z");
    expect(new Date(pos.slotEnd).toISOString()).toBe("2026-06-01T11:00:30.000Z");
    expect(pos.slotCount).toBe(6);
  });
});

describe("what may play", () => {
  it("respects dates, opening hours and dayparts in the screen's time zone", () => {
    const s = schedule([
      item("all-day"),
      item("morning", { dayparts: [{ start: "06:00", end: "10:00" }] }),
      item("lunch", { dayparts: [{ start: "11:30", end: "13:30" }] }),
      item("expired", { to: "2026-05-01T00:00:00Z" }),
    ]);
    expect(activeItems(s, noonLagos).map((i) => i.itemId)).toEqual(["all-day", "lunch"]);
    // 23:30 Lagos is after closing: nothing plays, the fallback shows.
    expect(activeItems(s, Date.parse("2026-06-01T22:30:00Z"))).toEqual([]);
  });

  it("handles windows that wrap midnight", () => {
    expect(inWindow("23:30", "22:00", "02:00")).toBe(true);
    expect(inWindow("01:59", "22:00", "02:00")).toBe(true);
    expect(inWindow("12:00", "22:00", "02:00")).toBe(false);
  });

  it("finds the items a new schedule adds, which play at once", () => {
    const before = schedule([item("a")]);
    const after = schedule([item("a"), item("b")], { version: 2 });
    expect(newItems(before, after, noonLagos).map((i) => i.itemId)).toEqual(["b"]);
    expect(newItems(null, before, noonLagos).map((i) => i.itemId)).toEqual(["a"]);
  });

  it("refuses a malformed schedule, naming the field", () => {
    expect(() => parseSchedule({ ...schedule([]), spotSeconds: 0 })).toThrow(/spotSeconds/);
    expect(() => parseSchedule({ ...schedule([item("a", { spotsPerLoop: 0 })]) })).toThrow(
      /items\[0\]\.spotsPerLoop/,
    );
    expect(parseSchedule(schedule([item("a")])).items).toHaveLength(1);
  });
});

describe("server clock", () => {
  it("trusts the sample with the shortest round trip", () => {
    const clock = new ServerClock();
    expect(clock.offsetMs).toBe(0);
    clock.sample(1_000, 1_400, 6_000); // rtt 400 → offset 4800
    clock.sample(2_000, 2_020, 7_110); // rtt 20 → offset 5100
    expect(clock.offsetMs).toBe(5_100);
    expect(clock.now(10_000)).toBe(15_100);
  });
});
