import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";

const input = z.strictObject({ days: z.number().int().min(1).max(90).default(14) });

/** The advertiser's dashboard: verified plays, estimated impressions and spend per day; bookings. */
export const advertiserDashboard = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const m = requireMember(ctx);
    const days = await ctx.db.query<{
      day: string;
      plays: number;
      impressions: string;
      spend: string;
    }>(
      `with d as (select generate_series(current_date - ($2::int - 1), current_date, interval '1 day')::date as day)
       select to_char(d.day, 'YYYY-MM-DD') as day,
         (select count(*)::int from plays p join bookings b on b.id = p.booking_id
           where b.advertiser_user_id = $1 and p.verified
             and (p.started_at at time zone 'UTC')::date = d.day) as plays,
         coalesce((select sum(s.impressions_per_play) from plays p join bookings b on b.id = p.booking_id
           join screens s on s.id = b.screen_id where b.advertiser_user_id = $1 and p.verified
             and (p.started_at at time zone 'UTC')::date = d.day), 0) as impressions,
         coalesce((select sum(case l.kind when 'charge' then l.amount else -l.amount end) from ledger l
           where l.advertiser_user_id = $1 and l.kind in ('charge', 'refund')
             and (l.created_at at time zone 'UTC')::date = d.day), 0) as spend
       from d order by d.day`,
      [m.userId, i.days],
    );
    const bookings = await ctx.db.query(
      `select b.id, b.status, s.name as "screenName", b.screen_id as "screenId",
         to_char(b.date_from, 'YYYY-MM-DD') as "from", to_char(b.date_to, 'YYYY-MM-DD') as "to",
         b.dayparts, b.spots_per_hour as "spotsPerHour", b.hours, b.planned_plays as "plannedPlays",
         b.amount::float8 as amount, b.refunded_amount::float8 as refunded, b.currency,
         b.checkout_url as "checkoutUrl", c.name as "creativeName", c.status as "creativeStatus",
         b.cancel_reason as "cancelReason",
         (select count(*)::int from plays p where p.booking_id = b.id and p.verified) as plays,
         to_json(b.created_at) #>> '{}' as "createdAt"
       from bookings b join screens s on s.id = b.screen_id join creatives c on c.id = b.creative_id
       where b.advertiser_user_id = $1 order by b.created_at desc limit 200`,
      [m.userId],
    );
    return {
      days: days.map((d) => ({
        day: d.day,
        plays: d.plays,
        impressions: Math.round(Number(d.impressions)),
        spend: Number(d.spend),
      })),
      bookings,
    };
  },
};
