import { isOverbooked, spotsPerLoop } from "../lib/capacity.ts";
import type { Ctx } from "../lib/context.ts";
import { LEFT_TO_REFUND } from "../lib/money.ts";
import { loadScreen } from "../lib/screens.ts";

export type Missed = {
  booking_id: string;
  hour_start: string;
  kind: string;
  missed_spots: number;
  missed_plays: number;
  plays_per_spot_hour: number;
  status: string;
  screen_id: string;
};

type Booking = {
  id: string;
  payment_id: string | null;
  provider: "stripe" | "paystack";
  currency: string;
  owner_user_id: string;
  advertiser_user_id: string;
  price_per_spot_hour: string;
  plays_per_spot_hour: number;
};

const ATTEMPTS = 3;

/**
 * Gives an active booking its missed plays back in the first open hour with room within two
 * weeks: the makegood hour holds the whole spots those plays need (capacity is taken the
 * way a booking takes it, so the check still refuses overbooking) but verifies at most the
 * missed plays (`plays_cap`). With no room, or a booking that is not playing, the missed
 * plays are refunded at price per play through a refund intent that `reconcile` performs.
 * Either way the short hour leaves `due` in the same statement, and both parties get an alert.
 */
export async function makeGood(ctx: Ctx, m: Missed, now: string) {
  const [b] = await ctx.db.query<Booking>(
    `select id, payment_id, provider, currency, owner_user_id, advertiser_user_id,
       price_per_spot_hour, plays_per_spot_hour from bookings where id = $1::uuid`,
    [m.booking_id],
  );
  if (!b) return { bookingId: m.booking_id, hour: m.hour_start, outcome: "gone" };
  const key = `${b.id}:${Date.parse(m.hour_start) / 1000}:${m.kind}`;
  const screen = await loadScreen(ctx, m.screen_id);
  const spots = Math.ceil(m.missed_plays / b.plays_per_spot_hour);
  if (m.status === "active" || m.status === "completed") {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const [row] = await ctx.db.query<{ hour_start: string }>(
          `with s as (select id, timezone, open_time, close_time from screens where id = $2::uuid),
           cand as (
             select g as hour_start from s, generate_series(
               date_trunc('hour', $5::timestamptz) + interval '1 hour',
               date_trunc('hour', $5::timestamptz) + interval '14 days', interval '1 hour') g
             where (g at time zone s.timezone)::time >= s.open_time
               and extract(hour from g at time zone s.timezone) + 1
                 <= extract(epoch from s.close_time) / 3600
               and coalesce((select sc.booked from slot_capacity sc
                 where sc.screen_id = s.id and sc.hour_start = g), 0) + $4::int <= $6::int
               and not exists (select 1 from booking_hours bh where bh.booking_id = $3::uuid
                 and bh.hour_start = g)
             order by g limit 1),
           claim as (
             update booking_hours set settle_state = 'made_good'
             where booking_id = $3::uuid and hour_start = $13::timestamptz and kind = $14
               and settle_state = 'due' and exists (select 1 from cand)
             returning 1),
           c as (
             insert into slot_capacity (tenant_id, screen_id, hour_start, capacity, booked)
             select $1::uuid, $2::uuid, hour_start, $6::int, $4::int from cand
             where exists (select 1 from claim)
             on conflict (tenant_id, screen_id, hour_start)
             do update set booked = slot_capacity.booked + excluded.booked returning hour_start),
           bh as (
             insert into booking_hours (tenant_id, booking_id, hour_start, kind, spots, plays_cap)
             select $1::uuid, $3::uuid, hour_start, 'makegood', $4::int, $15::int from c
             returning hour_start),
           l as (
             insert into ledger (tenant_id, entry_key, kind, booking_id, owner_user_id,
               advertiser_user_id, provider, currency, amount)
             select $1::uuid, 'makegood:' || $7, 'makegood', $3::uuid, $8, $9, $10, $11,
               $15::int * $12::numeric / $16::int from bh
             on conflict (tenant_id, entry_key) do nothing)
           select to_json(hour_start) #>> '{}' as hour_start from bh`,
          [
            ctx.tenant.id,
            screen.id,
            b.id,
            spots,
            now,
            spotsPerLoop(screen),
            key,
            b.owner_user_id,
            b.advertiser_user_id,
            b.provider,
            b.currency,
            b.price_per_spot_hour,
            m.hour_start,
            m.kind,
            m.missed_plays,
            b.plays_per_spot_hour,
          ],
        );
        if (row) {
          await alert(
            ctx,
            b,
            screen.id,
            "makegood",
            `${m.missed_plays} missed play(s) on ${screen.name} made good at ${row.hour_start}`,
          );
          return {
            bookingId: b.id,
            hour: m.hour_start,
            outcome: "makegood",
            at: row.hour_start,
            spots,
            plays: m.missed_plays,
          };
        }
        break; // no hour has room: refund
      } catch (e) {
        if (!isOverbooked(e)) throw e; // someone took the hour first: look again
      }
    }
  }
  // Missed plays at price per play, never more than is left to refund on the booking.
  const [r] = await ctx.db.query<{ amount: string }>(
    `with h as (
       update booking_hours set settle_state = 'refunded'
       where booking_id = $2::uuid and hour_start = $3::timestamptz and kind = $4
         and settle_state = 'due' returning 1),
     due as (
       select b.id, b.payment_id, b.provider, b.currency, b.owner_user_id, b.advertiser_user_id,
         least(round($5::numeric * b.price_per_spot_hour / b.plays_per_spot_hour)::bigint,
           ${LEFT_TO_REFUND}) as amount
       from bookings b where b.id = $2::uuid and exists (select 1 from h)),
     ri as (
       insert into refund_intents (tenant_id, entry_key, booking_id, payment_id, provider,
         currency, owner_user_id, advertiser_user_id, amount)
       select $1::uuid, $6, id, payment_id, provider, currency, owner_user_id,
         advertiser_user_id, amount
       from due where payment_id is not null and amount > 0
       on conflict (tenant_id, entry_key) do nothing)
     select amount from due`,
    [ctx.tenant.id, b.id, m.hour_start, m.kind, m.missed_plays, `missed:${key}`],
  );
  if (!r) return { bookingId: b.id, hour: m.hour_start, outcome: "settled elsewhere" };
  const amount = Math.max(0, Number(r.amount));
  await alert(
    ctx,
    b,
    screen.id,
    "refund",
    `${m.missed_plays} missed play(s) on ${screen.name} refunded`,
  );
  return {
    bookingId: b.id,
    hour: m.hour_start,
    outcome: "refund",
    amount,
    spots,
    plays: m.missed_plays,
  };
}

async function alert(ctx: Ctx, b: Booking, screenId: string, kind: string, message: string) {
  await ctx.db.query(
    `insert into alerts (tenant_id, user_id, screen_id, kind, message)
     select $1::uuid, u, $3::uuid, $4, $5 from unnest(array[$2::text, $6::text]) u`,
    [ctx.tenant.id, b.owner_user_id, screenId, kind, message, b.advertiser_user_id],
  );
  await ctx.realtime.publish("alerts", { screenId, kind, bookingId: b.id });
}
