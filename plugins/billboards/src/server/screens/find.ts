import { z } from "@omnify/plugin-sdk";
import { availability, requestFields, requestHours } from "../lib/availability.ts";
import { type Ctx, requireMember } from "../lib/context.ts";
import { type ScreenRow, screenColumns, toScreen, VENUE_TYPES } from "../lib/screens.ts";
import { photoUrls } from "./photos.ts";

export const findScreensInput = z.strictObject({
  area: z.string().trim().max(100).optional(),
  venueType: z.enum(VENUE_TYPES).optional(),
  currency: z.enum(["USD", "NGN"]).optional(),
  maxPricePerSpotHour: z.number().int().positive().optional(),
  /** Only screens with this many free spots in every hour of the request. */
  available: z.strictObject(requestFields).optional(),
});

/** The marketplace: approved screens, filtered by area, venue, price and availability. */
export const findScreens = {
  input: findScreensInput,
  handler: async (input: z.output<typeof findScreensInput>, ctx: Ctx) => {
    requireMember(ctx);
    const rows = await ctx.db.query<ScreenRow>(
      `select ${screenColumns()} from screens s
       where s.status = 'approved'
         and ($1::text is null or s.area ilike '%' || $1 || '%' or s.address ilike '%' || $1 || '%')
         and ($2::text is null or s.venue_type = $2)
         and ($3::text is null or s.currency = $3)
         and ($4::bigint is null or s.price_per_spot_hour <= $4)
       order by s.name limit 200`,
      [
        input.area || null,
        input.venueType ?? null,
        input.currency ?? null,
        input.maxPricePerSpotHour ?? null,
      ],
    );
    const photos = await photoUrls(
      ctx,
      rows.map((r) => r.id),
    );
    const screens = [];
    for (const row of rows) {
      const screen = toScreen(row);
      let freeSpots: number | null = null;
      if (input.available) {
        let hours: number[];
        try {
          hours = requestHours(screen, input.available);
        } catch {
          continue; // the dayparts fall outside this screen's hours
        }
        const a = await availability(ctx, screen, input.available, hours);
        if (a.hours === 0 || a.minFree < input.available.spotsPerHour) continue;
        freeSpots = a.minFree;
      }
      screens.push({ ...screen, photos: photos.get(screen.id) ?? [], freeSpots });
    }
    return { screens };
  },
};
