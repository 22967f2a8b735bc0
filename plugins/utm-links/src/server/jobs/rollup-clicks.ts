import { z } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";

const payloadSchema = z.object({ day: z.iso.date().optional() }).catch({ day: undefined });

/** Yesterday as a UTC date: the day that has just finished when the schedule fires. */
function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The `rollup-clicks` schedule (and a job you can enqueue for any day): counts one UTC day's
 * clicks per link into `daily_clicks`. Idempotent: running a day again overwrites its counts.
 */
export async function rollupClicks(payload: unknown, ctx: Ctx) {
  const day = payloadSchema.parse(payload ?? {}).day ?? yesterday();
  const rows = await ctx.db.query<{ clicks: number }>(
    `insert into daily_clicks (tenant_id, link_id, day, clicks)
     select $1::uuid, link_id, $2::date, count(*) from clicks
     where occurred_at >= $2::date::timestamp at time zone 'UTC'
       and occurred_at < ($2::date + 1)::timestamp at time zone 'UTC'
     group by link_id
     on conflict (tenant_id, link_id, day) do update set clicks = excluded.clicks
     returning clicks`,
    [ctx.tenant.id, day],
  );
  const clicks = rows.reduce((n, r) => n + r.clicks, 0);
  ctx.log.info("rolled up clicks", { day, links: rows.length, clicks });
  return { day, links: rows.length, clicks };
}
