import { z } from "@omnify/plugin-sdk";
import { fail } from "./context.ts";

/** `HH:MM` on the hour; `24:00` is the end of the day. */
export const clock = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, "must be a time like '07:00'")
  .refine((t) => t <= "24:00", "must be at most 24:00");

export const daypart = z.strictObject({ start: clock, end: clock });
export type Daypart = z.output<typeof daypart>;

/** Whole hours of a `HH:MM` time (callers have checked it is on the hour). */
export const hourOf = (t: string) => Number(t.slice(0, 2));

/**
 * The local hours (0–23) a booking holds: the union of its dayparts, or every open hour of
 * the screen when there are none. Dayparts must be whole hours inside the screen's hours;
 * errors name the daypart.
 */
export function bookedHours(dayparts: Daypart[], open: string, close: string): number[] {
  const openH = hourOf(open);
  const closeH = hourOf(close);
  if (dayparts.length === 0) return range(openH, closeH);
  const hours = new Set<number>();
  for (const [i, d] of dayparts.entries()) {
    const at = `dayparts[${i}]`;
    if (!d.start.endsWith(":00") || !d.end.endsWith(":00"))
      fail("invalid_input", `${at}: spots are sold by the hour; use times on the hour like 07:00`);
    if (d.end <= d.start)
      fail("invalid_input", `${at}: end ${d.end} must be after start ${d.start}`);
    if (d.start < open || d.end > close)
      fail(
        "outside_hours",
        `${at}: ${d.start}–${d.end} is outside the screen's hours ${open}–${close}`,
      );
    for (const h of range(hourOf(d.start), hourOf(d.end))) hours.add(h);
  }
  return [...hours].sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** `07:00:00` (PostgreSQL `time`) → `07:00`; `24:00:00` stays `24:00`. */
export const hhmm = (t: string) => t.slice(0, 5);
