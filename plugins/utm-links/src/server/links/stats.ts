import { z } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";

export const linkStatsInput = z
  .strictObject({ days: z.number().int().min(1).max(90).default(14) })
  .default({ days: 14 });

export type DayCount = { day: string; clicks: number };

/**
 * Totals and clicks per UTC day for the last `days` days. A day the roll-up job already
 * counted comes from `daily_clicks`; later days are counted from raw clicks.
 */
export const linkStats = {
  input: linkStatsInput,
  handler: async (input: z.output<typeof linkStatsInput>, ctx: Ctx) => {
    const [totals] = await ctx.db.query<{ links: number; clicks: number }>(
      `select (select count(*) from links)::int as links, (select count(*) from clicks)::int as clicks`,
    );
    const perDay = await ctx.db.query<DayCount>(
      `with bounds as (
         select (now() at time zone 'UTC')::date - ($1::int - 1) as first,
                (now() at time zone 'UTC')::date as today),
       days as (
         select generate_series(b.first, b.today, interval '1 day')::date as day from bounds b),
       rolled as (
         select day, sum(clicks)::int as clicks from daily_clicks
         where day >= (select first from bounds) group by day),
       raw as (
         select (occurred_at at time zone 'UTC')::date as day, count(*)::int as clicks
         from clicks where occurred_at >= (select first from bounds)::timestamp at time zone 'UTC'
         group by 1)
       select d.day::text as day, coalesce(r.clicks, w.clicks, 0) as clicks
       from days d left join rolled r using (day) left join raw w using (day)
       order by d.day`,
      [input.days],
    );
    const top = await ctx.db.query<{ slug: string; clicks: number }>(
      `select l.slug, count(c.click_id)::int as clicks
       from links l left join clicks c on c.link_id = l.id
       group by l.slug order by clicks desc, l.slug limit 5`,
    );
    return { links: totals?.links ?? 0, clicks: totals?.clicks ?? 0, perDay, top };
  },
};
