import { z } from "@omnify/plugin-sdk";
import { hoursSql, spotsPerLoop } from "./capacity.ts";
import { type Ctx, fail } from "./context.ts";
import { bookedHours, daypart } from "./dayparts.ts";
import type { Screen } from "./screens.ts";

const isoDate = z.iso.date("must be a date like 2026-05-01");

/** What an advertiser asks for: dates (screen-local), dayparts and spots per hour. */
export const requestFields = {
  from: isoDate,
  to: isoDate,
  dayparts: z.array(daypart).max(12).default([]),
  spotsPerHour: z.number().int().min(1).max(3600),
};
export type BookingRequest = { from: string; to: string; dayparts: z.output<typeof daypart>[] };

const MAX_DAYS = 92;

/** The local hours a request holds on `screen`, after checking dates and dayparts. */
export function requestHours(screen: Screen, r: BookingRequest): number[] {
  if (r.to < r.from) fail("invalid_input", `to: ${r.to} is before from ${r.from}`);
  const days = (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1;
  if (days > MAX_DAYS) fail("invalid_input", `to: book at most ${MAX_DAYS} days at once`);
  return bookedHours(r.dayparts, screen.hours.open, screen.hours.close);
}

/**
 * How many hours the request covers from now on, and the fewest free spots in any of them
 * (`capacity` when nothing is booked yet).
 */
export async function availability(
  ctx: Ctx,
  screen: Screen,
  r: BookingRequest,
  hours: number[],
): Promise<{ hours: number; minFree: number; capacity: number }> {
  const capacity = spotsPerLoop(screen);
  const [row] = await ctx.db.query<{ hours: number; min_free: number | null }>(
    `with h as (${hoursSql({ tz: "$2", from: "$3", to: "$4", hours: "$5" })})
     select count(*)::int as hours, min($6::int - coalesce(c.booked, 0))::int as min_free
     from h left join slot_capacity c on c.screen_id = $1::uuid and c.hour_start = h.hour_start`,
    [screen.id, screen.hours.timezone, r.from, r.to, JSON.stringify(hours), capacity],
  );
  return { hours: row?.hours ?? 0, minFree: row?.min_free ?? capacity, capacity };
}
