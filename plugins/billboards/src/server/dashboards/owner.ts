import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";

const input = z.strictObject({ days: z.number().int().min(1).max(90).default(14) });

/**
 * The owner's dashboard: per day occupancy (booked / capacity over open hours), revenue
 * (the owner's share of charges less reversals), earnings on verified plays and payouts;
 * balance; screen health; recent alerts.
 */
export const ownerDashboard = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const m = requireMember(ctx);
    const days = await ctx.db.query<{
      day: string;
      capacity: number;
      booked: number;
      revenue: string;
      earned: string;
      payouts: string;
      plays: number;
    }>(
      `with d as (select generate_series(current_date - ($2::int - 1), current_date, interval '1 day')::date as day),
       mine as (select id, timezone, open_time, close_time, loop_seconds, spot_seconds from screens where owner_user_id = $1)
       select to_char(d.day, 'YYYY-MM-DD') as day,
         coalesce((select sum(floor(s.loop_seconds / s.spot_seconds)
           * (extract(epoch from s.close_time - s.open_time) / 3600))::int from mine s), 0) as capacity,
         coalesce((select sum(sc.booked)::int from slot_capacity sc join mine s on s.id = sc.screen_id
           where (sc.hour_start at time zone 'UTC')::date = d.day), 0) as booked,
         coalesce((select sum(case l.kind when 'transfer' then l.amount else -l.amount end) from ledger l
           where l.owner_user_id = $1 and l.kind in ('transfer', 'transfer_reversal')
             and (l.created_at at time zone 'UTC')::date = d.day), 0) as revenue,
         coalesce((select sum(l.amount) from ledger l where l.owner_user_id = $1
           and l.kind = 'earned_on_play' and (l.created_at at time zone 'UTC')::date = d.day), 0) as earned,
         coalesce((select sum(l.amount) from ledger l where l.owner_user_id = $1
           and l.kind = 'payout' and (l.created_at at time zone 'UTC')::date = d.day), 0) as payouts,
         (select count(*)::int from plays p join mine s on s.id = p.screen_id
           where p.verified and (p.started_at at time zone 'UTC')::date = d.day) as plays
       from d order by d.day`,
      [m.userId, i.days],
    );
    const [totals] = await ctx.db.query<{ earned: string; paid: string; currency: string | null }>(
      `select coalesce(sum(amount) filter (where kind = 'earned_on_play'), 0) as earned,
         coalesce(sum(amount) filter (where kind = 'payout'), 0) as paid, min(currency) as currency
       from ledger where owner_user_id = $1`,
      [m.userId],
    );
    const health = await ctx.db.query(
      `select id, name, status, health, to_json(last_heartbeat_at) #>> '{}' as "lastHeartbeatAt",
         app_version as "appVersion", current_item as "currentItem", free_storage_bytes::float8 as "freeStorageBytes",
         clock_offset_ms as "clockOffsetMs", uptime_seconds::float8 as "uptimeSeconds",
         (select count(*)::int from screen_outages o where o.screen_id = s.id
           and o.started_at > now() - interval '7 days') as "outages7d"
       from screens s where owner_user_id = $1 order by name`,
      [m.userId],
    );
    const alerts = await ctx.db.query(
      `select id, kind, message, screen_id as "screenId", to_json(created_at) #>> '{}' as "createdAt"
       from alerts where user_id = $1 order by created_at desc limit 20`,
      [m.userId],
    );
    return {
      days: days.map((d) => ({
        day: d.day,
        occupancy: d.capacity > 0 ? d.booked / d.capacity : 0,
        revenue: Number(d.revenue),
        earned: Number(d.earned),
        payouts: Number(d.payouts),
        plays: d.plays,
      })),
      balance: {
        earned: Number(totals?.earned ?? 0),
        paidOut: Number(totals?.paid ?? 0),
        due: Number(totals?.earned ?? 0) - Number(totals?.paid ?? 0),
        currency: totals?.currency ?? null,
      },
      screens: health,
      alerts,
    };
  },
};
