import { withdrawBooking } from "../bookings/withdraw.ts";
import type { Ctx } from "../lib/context.ts";
import { asOf } from "./as-of.ts";

/**
 * Runs with `reconcile`, before it settles hours: a paid booking whose creative the owner
 * has not approved by the time its first booked hour starts (or rejected while the booking
 * waited for payment) is cancelled and refunded in full, instead of collecting makegoods
 * for hours it could never play.
 */
export async function cancelUnreviewed(payload: unknown, ctx: Ctx) {
  const due = await ctx.db.query<{ id: string; creative_status: string }>(
    `select b.id, c.status as creative_status
     from bookings b join creatives c on c.id = b.creative_id
     where b.status = 'paid' and (c.status = 'rejected' or (c.status = 'pending' and exists (
       select 1 from booking_hours h where h.booking_id = b.id and h.kind = 'booked'
         and not h.released and h.hour_start <= $1::timestamptz)))
     order by b.created_at`,
    [asOf(payload)],
  );
  const cancelled: string[] = [];
  for (const b of due) {
    const reason =
      b.creative_status === "rejected"
        ? "the screen's owner rejected the creative"
        : "the screen's owner had not approved the creative when the first booked hour started";
    if (await withdrawBooking(ctx, b.id, reason)) cancelled.push(b.id);
  }
  return cancelled;
}
