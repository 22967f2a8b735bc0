import type { Ctx } from "../lib/context.ts";

/**
 * Cancels a booking in status `from` and gives its future hours back to the screen, in one
 * statement. Hours already started stay held (they were, or are being, played). Returns the
 * booking and how many booked spot-hours were released (what a refund pays back), or
 * nothing when the booking was not in `from` (a retry, or someone else got there first).
 * With `refund`, the same statement writes the refund intent `cancel:<booking>` for the
 * released booked spot-hours (capped at what is left), which `drainRefunds` then performs.
 */
export async function releaseBooking(
  ctx: Ctx,
  bookingId: string,
  from: "pending_payment" | "paid_or_active",
  opts: { advertiserUserId?: string; hoursFrom?: "now" | "all"; refund?: boolean } = {},
) {
  const statuses = from === "pending_payment" ? ["pending_payment"] : ["paid", "active"];
  const [row] = await ctx.db.query<ReleasedRow>(
    `with b as (
       update bookings set status = 'cancelled', cancelled_at = now()
       where id = $1::uuid and status in (select value from jsonb_array_elements_text($2::text::jsonb))
         and ($3::text is null or advertiser_user_id = $3)
       returning id, screen_id, price_per_spot_hour, payment_id, provider, currency,
         owner_user_id, advertiser_user_id, amount, refunded_amount),
     r as (
       update booking_hours bh set released = true from b
       where bh.booking_id = b.id and not bh.released
         and ($4::boolean or bh.hour_start >= date_trunc('hour', now()) + interval '1 hour')
       returning bh.hour_start, bh.spots, bh.kind, b.screen_id),
     agg as (select screen_id, hour_start, sum(spots)::int as spots from r group by 1, 2),
     c as (
       update slot_capacity sc set booked = sc.booked - agg.spots from agg
       where sc.screen_id = agg.screen_id and sc.hour_start = agg.hour_start returning 1),
     due as (
       select b.*, least(b.price_per_spot_hour * coalesce((select sum(spots) from r
           where kind = 'booked'), 0),
         b.amount - b.refunded_amount - coalesce((select sum(ri.amount) from refund_intents ri
           where ri.booking_id = b.id and ri.status = 'pending'), 0)) as owed
       from b),
     ri as (
       insert into refund_intents (tenant_id, entry_key, booking_id, payment_id, provider,
         currency, owner_user_id, advertiser_user_id, amount)
       select $5::uuid, 'cancel:' || due.id, due.id, due.payment_id, due.provider, due.currency,
         due.owner_user_id, due.advertiser_user_id, due.owed
       from due where $6::boolean and due.payment_id is not null and due.owed > 0
       on conflict (tenant_id, entry_key) do nothing returning 1)
     select b.id, b.screen_id, b.price_per_spot_hour, b.payment_id, b.provider, b.currency,
       b.owner_user_id, b.advertiser_user_id, b.amount, b.refunded_amount,
       coalesce((select sum(spots) from r where kind = 'booked'), 0)::int as released_spot_hours,
       (select count(*) from c)::int as hours_released
     from b`,
    [
      bookingId,
      JSON.stringify(statuses),
      opts.advertiserUserId ?? null,
      opts.hoursFrom === "all",
      ctx.tenant.id,
      opts.refund === true,
    ],
  );
  return row;
}

export type ReleasedRow = {
  id: string;
  screen_id: string;
  price_per_spot_hour: string;
  payment_id: string | null;
  provider: "stripe" | "paystack";
  currency: string;
  owner_user_id: string;
  advertiser_user_id: string;
  amount: string;
  refunded_amount: string;
  released_spot_hours: number;
  hours_released: number;
};
