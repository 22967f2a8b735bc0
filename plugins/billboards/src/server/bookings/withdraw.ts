import type { Ctx } from "../lib/context.ts";
import { cancellation } from "./cancel.ts";

/**
 * Cancels a paid or running booking whose creative cannot go on air (the owner rejected it,
 * or it was still unreviewed when the first booked hour started), through the advertiser's
 * own cancellation: unplayed hours go back to the screen and are refunded pro rata. A
 * booking that never went on air (`paid`, no hour settled yet) gets every hour back, the
 * current one included; a running one keeps the hour on air and the hours before it. The
 * reason is stored on the booking and sent to the owner and the advertiser as an alert.
 */
export async function withdrawBooking(ctx: Ctx, bookingId: string, reason: string) {
  const [b] = await ctx.db.query<{ status: string; settled: boolean }>(
    `select b.status, exists (select 1 from booking_hours h
         where h.booking_id = b.id and h.reconciled_at is not null) as settled
     from bookings b where b.id = $1::uuid`,
    [bookingId],
  );
  if (b?.status !== "paid" && b?.status !== "active") return null;
  const hoursFrom = b.status === "paid" && !b.settled ? "all" : "now";
  const r = await cancellation.run(ctx, bookingId, hoursFrom);
  await ctx.db.query(
    `with b as (
       update bookings set cancel_reason = $2 where id = $1::uuid and cancel_reason is null
       returning id, screen_id, owner_user_id, advertiser_user_id)
     insert into alerts (tenant_id, user_id, screen_id, kind, message)
     select $3::uuid, u.user_id, b.screen_id, 'booking_cancelled',
       'Booking ' || b.id || ' was cancelled and its unplayed hours refunded: ' || $2
     from b, lateral (values (b.owner_user_id), (b.advertiser_user_id)) u(user_id)`,
    [bookingId, reason, ctx.tenant.id],
  );
  return r;
}
