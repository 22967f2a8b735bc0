import { z } from "@omnify/plugin-sdk";
import { spotsPerLoop } from "../lib/capacity.ts";
import type { Ctx } from "../lib/context.ts";
import { loadScreen } from "../lib/screens.ts";
import { deviceScreen } from "./screen.ts";

type Item = {
  item_id: string;
  booking_id: string;
  creative_id: string;
  storage_key: string;
  content_type: string;
  sha256: string;
  duration_ms: number;
  from: string;
  to: string;
  dayparts: { start: string; end: string }[];
  spots: number;
};

/**
 * `screen.schedule` (devices only): what the screen plays from the last hour to two days
 * ahead: one item per active booking (its booked hours and dayparts) and one per makegood
 * hour. `version` changes whenever the schedule does; the player refetches on a push.
 */
export const getSchedule = {
  input: z.strictObject({}).optional(),
  handler: async (_: unknown, ctx: Ctx) => {
    const { screenId } = await deviceScreen(ctx);
    const screen = await loadScreen(ctx, screenId);
    const rows = await ctx.db.query<Item>(
      `select case when h.kind = 'booked' then 'booking:' || b.id
                else 'makegood:' || b.id || ':' || extract(epoch from min(h.hour_start))::bigint end as item_id,
         b.id as booking_id, c.id as creative_id, c.storage_key, c.content_type, c.sha256,
         c.duration_ms,
         to_json(min(h.hour_start)) #>> '{}' as "from",
         to_json(max(h.hour_start) + interval '1 hour') #>> '{}' as "to",
         case when h.kind = 'booked' then b.dayparts else '[]'::jsonb end as dayparts,
         max(h.spots)::int as spots
       from bookings b
       join creatives c on c.id = b.creative_id and c.status = 'approved'
       join booking_hours h on h.booking_id = b.id and not h.released
       where b.screen_id = $1::uuid and b.status in ('active', 'completed', 'cancelled')
         and h.hour_start >= date_trunc('hour', now()) - interval '1 hour'
         and h.hour_start < now() + interval '48 hours'
       group by b.tenant_id, b.id, c.tenant_id, c.id, h.kind, case when h.kind = 'makegood' then h.hour_start end
       order by 9, 1`,
      [screenId],
    );
    const items = [];
    for (const r of rows)
      items.push({
        itemId: r.item_id,
        bookingId: r.booking_id,
        creativeId: r.creative_id,
        url: await ctx.storage.url(r.storage_key),
        contentType: r.content_type,
        sha256: r.sha256,
        durationMs: r.duration_ms,
        from: r.from,
        to: r.to,
        dayparts: r.dayparts,
        spotsPerLoop: r.spots,
      });
    return {
      screenId,
      version: screen.scheduleVersion,
      loopSeconds: screen.loopSeconds,
      spotSeconds: screen.spotSeconds,
      slotsPerLoop: spotsPerLoop(screen),
      serverTime: new Date().toISOString(),
      hours: screen.hours,
      fallback: {
        title: screen.name,
        subtitle: "Your ad here: book this screen on the marketplace",
      },
      items,
    };
  },
};
