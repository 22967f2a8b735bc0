/** The schedule a screen gets from `screen.schedule` (see docs/BILLBOARDS-CONTRACT.md). */
export type Daypart = { start: string; end: string };

export type ScheduleItem = {
  itemId: string;
  bookingId: string;
  creativeId: string;
  url: string;
  contentType: string;
  sha256: string;
  durationMs: number;
  from: string;
  to: string;
  dayparts: Daypart[];
  spotsPerLoop: number;
};

export type Schedule = {
  screenId: string;
  version: string | number;
  loopSeconds: number;
  spotSeconds: number;
  serverTime: number | string;
  hours: { open: string; close: string; timezone: string };
  fallback: { title: string; subtitle?: string };
  items: ScheduleItem[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Validates what the server sent; a malformed schedule must never replace a good one. */
export function parseSchedule(value: unknown): Schedule {
  if (!isRecord(value)) throw new Error("schedule: not an object");
  const { loopSeconds, spotSeconds, items, hours, fallback } = value;
  if (typeof loopSeconds !== "number" || loopSeconds <= 0)
    throw new Error("schedule.loopSeconds: must be a positive number");
  if (typeof spotSeconds !== "number" || spotSeconds <= 0 || spotSeconds > loopSeconds)
    throw new Error("schedule.spotSeconds: must be positive and at most loopSeconds");
  if (!Array.isArray(items)) throw new Error("schedule.items: must be an array");
  if (!isRecord(hours) || typeof hours.timezone !== "string")
    throw new Error("schedule.hours: missing timezone");
  if (!isRecord(fallback) || typeof fallback.title !== "string")
    throw new Error("schedule.fallback: missing title");
  items.forEach((item, i) => {
    if (!isRecord(item) || typeof item.itemId !== "string" || typeof item.url !== "string")
      throw new Error(`schedule.items[${i}]: needs itemId and url`);
    if (typeof item.spotsPerLoop !== "number" || item.spotsPerLoop < 1)
      throw new Error(`schedule.items[${i}].spotsPerLoop: must be at least 1`);
  });
  return value as unknown as Schedule;
}

/** "HH:MM" of `at` in `timeZone`, e.g. "07:30". */
export function localTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return `${hour}:${minute}`;
}

/** Whether "HH:MM" lies in [start, end); a window whose end is before its start wraps midnight. */
export function inWindow(time: string, start: string, end: string): boolean {
  if (start === end) return true;
  return start < end ? time >= start && time < end : time >= start || time < end;
}

/** Items that may play at `at`: inside their dates, the screen's hours and their dayparts. */
export function activeItems(schedule: Schedule, at: number): ScheduleItem[] {
  const time = localTime(at, schedule.hours.timezone);
  if (!inWindow(time, schedule.hours.open, schedule.hours.close)) return [];
  return schedule.items
    .filter((item) => Date.parse(item.from) <= at && at < Date.parse(item.to))
    .filter(
      (item) =>
        item.dayparts.length === 0 || item.dayparts.some((d) => inWindow(time, d.start, d.end)),
    )
    .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}

/**
 * The loop's slots, round-robin: each item appears `spotsPerLoop` times, spread through the
 * loop, and the rest are `null` (the fallback layout). Capacity is enforced by the server; if
 * a stale schedule ever oversubscribes, the later items lose their extra spots.
 */
export function buildSlots(items: ScheduleItem[], slotCount: number): (ScheduleItem | null)[] {
  const remaining = new Map(items.map((item) => [item.itemId, item.spotsPerLoop]));
  const slots: (ScheduleItem | null)[] = [];
  while (slots.length < slotCount) {
    let placed = false;
    for (const item of items) {
      if (slots.length >= slotCount) break;
      const left = remaining.get(item.itemId) ?? 0;
      if (left <= 0) continue;
      remaining.set(item.itemId, left - 1);
      slots.push(item);
      placed = true;
    }
    if (!placed) break;
  }
  // Spread: interleave fallback slots between items rather than bunching them at the end.
  const filled = slots.length;
  const result: (ScheduleItem | null)[] = new Array(slotCount).fill(null);
  for (let i = 0; i < filled; i++) result[Math.floor((i * slotCount) / filled)] = slots[i] ?? null;
  return result;
}

export type SlotPosition = {
  /** Start of the current loop, server time (ms). */
  loopStart: number;
  index: number;
  slotStart: number;
  slotEnd: number;
  slotCount: number;
};

/** Where server time `at` falls: loops are aligned to multiples of the loop length. */
export function slotAt(schedule: Schedule, at: number): SlotPosition {
  const loopMs = schedule.loopSeconds * 1000;
  const spotMs = schedule.spotSeconds * 1000;
  const slotCount = Math.max(1, Math.floor(loopMs / spotMs));
  const loopStart = Math.floor(at / loopMs) * loopMs;
  const index = Math.min(slotCount - 1, Math.floor((at - loopStart) / spotMs));
  const slotStart = loopStart + index * spotMs;
  const slotEnd = index === slotCount - 1 ? loopStart + loopMs : slotStart + spotMs;
  return { loopStart, index, slotStart, slotEnd, slotCount };
}

/** Items in `next` that `previous` did not have: they play at once when the schedule lands. */
export function newItems(previous: Schedule | null, next: Schedule, at: number): ScheduleItem[] {
  const known = new Set(previous?.items.map((i) => i.itemId) ?? []);
  return activeItems(next, at).filter((item) => !known.has(item.itemId));
}
