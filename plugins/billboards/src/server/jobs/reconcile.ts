import { releaseBooking } from "../bookings/release.ts";
import type { Ctx } from "../lib/context.ts";
import { drainRefunds } from "../lib/money.ts";
import { pushSchedule } from "../lib/push.ts";
import { asOf } from "./as-of.ts";
import { type Missed, makeGood } from "./make-good.ts";

/** Grace after an hour ends for late proof-of-play uploads (the player batches them). */
const GRACE = "5 minutes";

/**
 * Every five minutes: releases holds nobody paid for, completes finished bookings, and
 * settles every finished hour once. An hour is short when the screen had an outage during
 * it (or its paid booking's creative still waited for the owner's review) and it played
 * fewer than its booked plays; the missed plays (not whole spots) get a makegood hour that
 * may verify exactly that many plays, or a refund of missed plays × price per play when no
 * hour in the next two weeks has room. Marking the hour settled also marks it `due`, so a
 * run that stops half way is finished by the next one; refunds are intents, and every run
 * performs the pending ones (a refused refund is retried here under the same key).
 */
export async function reconcile(payload: unknown, ctx: Ctx) {
  const now = asOf(payload);
  const expired = await ctx.db.query<{ id: string }>(
    "select id from bookings where status = 'pending_payment' and expires_at < $1::timestamptz",
    [now],
  );
  const screens = new Set<string>();
  for (const b of expired) {
    const r = await releaseBooking(ctx, b.id, "pending_payment", { hoursFrom: "all" });
    if (r) screens.add(r.screen_id);
  }
  await ctx.db.query(
    `with due as (
       select h.booking_id, h.hour_start, h.kind, h.spots, b.plays_per_spot_hour, b.screen_id,
         coalesce(h.plays_cap, h.spots * b.plays_per_spot_hour) as expected,
         b.status, c.status as creative_status,
         (select count(*) from plays p where p.booking_id = h.booking_id and p.verified
            and p.started_at >= h.hour_start and p.started_at < h.hour_start + interval '1 hour')::int
           as delivered,
         exists (select 1 from screen_outages o where o.screen_id = b.screen_id
            and o.started_at < h.hour_start + interval '1 hour'
            and coalesce(o.ended_at, $1::timestamptz) > h.hour_start) as outage
       from booking_hours h join bookings b on b.id = h.booking_id
       join creatives c on c.id = b.creative_id
       where h.reconciled_at is null and not h.released
         and h.hour_start + interval '1 hour' + interval '${GRACE}' <= $1::timestamptz
         and b.status in ('paid', 'active', 'completed', 'cancelled')),
     judged as (
       select *, case
           when (outage or (status = 'paid' and creative_status = 'pending'))
             and delivered < expected
           then expected - delivered
           else 0 end as missed
       from due)
     update booking_hours bh set reconciled_at = now(), missed_plays = j.missed,
       missed_spots = ceil(j.missed::numeric / j.plays_per_spot_hour)::int,
       settle_state = case when j.missed > 0 then 'due' end
     from judged j
     where bh.booking_id = j.booking_id and bh.hour_start = j.hour_start and bh.kind = j.kind
       and bh.reconciled_at is null`,
    [now],
  );
  // Every short hour not yet made good or refunded, this run's and any a stopped run left.
  const missed = await ctx.db.query<Missed>(
    `select h.booking_id, to_json(h.hour_start) #>> '{}' as hour_start, h.kind, h.missed_spots,
       h.missed_plays, b.plays_per_spot_hour, b.status, b.screen_id
     from booking_hours h join bookings b on b.id = h.booking_id
     where h.settle_state = 'due' order by h.hour_start`,
  );
  const results = [];
  for (const m of missed) {
    results.push(await makeGood(ctx, m, now));
    screens.add(m.screen_id);
  }
  const completed = await ctx.db.query<{ id: string }>(
    `update bookings b set status = 'completed' where b.status = 'active'
       and not exists (select 1 from booking_hours h where h.booking_id = b.id and not h.released
         and h.hour_start + interval '1 hour' > $1::timestamptz)
     returning b.id`,
    [now],
  );
  await pushSchedule(ctx, screens);
  const refunds = await drainRefunds(ctx);
  return {
    expired: expired.length,
    completed: completed.length,
    missed: results,
    refunds,
  };
}
