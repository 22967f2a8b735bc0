import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { refundBooking } from "../lib/money.ts";
import { pushSchedule } from "../lib/push.ts";
import { releaseBooking } from "./release.ts";

type Booking = {
  id: string;
  status: string;
  advertiser_user_id: string;
  owner_user_id: string;
  screen_id: string;
  payment_id: string | null;
  provider: "stripe" | "paystack";
  currency: string;
  price_per_spot_hour: string;
  released_booked: number;
  refunded_on_cancel: string;
};

/**
 * The advertiser cancels. Unpaid: the hold is released. Paid: every hour after the current
 * one goes back to the screen and its spots are refunded pro rata (price × spot-hours), the
 * owner's transfer and the platform's fee reversed in proportion. The hour on air and
 * earlier hours are kept (they were played, or missed spots are made good by `reconcile`).
 * Safe to retry: a cancelled booking whose refund did not go through is refunded again
 * under the same idempotency key.
 */
export const cancelBooking = {
  input: z.strictObject({ bookingId: z.uuid() }),
  handler: async (i: { bookingId: string }, ctx: Ctx) => {
    const member = requireMember(ctx);
    const b = await load(ctx, i.bookingId);
    if (b.advertiser_user_id !== member.userId && !member.canManage)
      fail("forbidden", "bookingId: only the advertiser who booked may cancel");
    if (b.status === "pending_payment") {
      await releaseBooking(ctx, b.id, "pending_payment", { hoursFrom: "all" });
      await pushSchedule(ctx, [b.screen_id]);
      return { bookingId: b.id, status: "cancelled", refunded: 0, releasedSpotHours: 0 };
    }
    if (b.status === "paid" || b.status === "active")
      await releaseBooking(ctx, b.id, "paid_or_active");
    else if (b.status !== "cancelled")
      fail("conflict", `bookingId: a ${b.status} booking cannot be cancelled`);
    const after = await load(ctx, b.id);
    if (after.status !== "cancelled") fail("conflict", "bookingId: the booking changed; try again");
    let refunded = 0;
    if (after.payment_id) {
      const due =
        Number(after.price_per_spot_hour) * after.released_booked -
        Number(after.refunded_on_cancel);
      const r = await refundBooking(
        ctx,
        { ...after, payment_id: after.payment_id },
        due,
        `cancel:${b.id}`,
      );
      refunded = r.refunded;
    }
    await pushSchedule(ctx, [b.screen_id]);
    return {
      bookingId: b.id,
      status: "cancelled",
      refunded,
      releasedSpotHours: after.released_booked,
    };
  },
};

async function load(ctx: Ctx, id: string): Promise<Booking> {
  const [b] = await ctx.db.query<Booking>(
    `select b.id, b.status, b.advertiser_user_id, b.owner_user_id, b.screen_id, b.payment_id,
       b.provider, b.currency, b.price_per_spot_hour,
       (select coalesce(sum(spots), 0)::int from booking_hours h
         where h.booking_id = b.id and h.released and h.kind = 'booked') as released_booked,
       (select coalesce(sum(amount), 0) from ledger l
         where l.booking_id = b.id and l.entry_key = 'refund:cancel:' || b.id) as refunded_on_cancel
     from bookings b where b.id = $1::uuid`,
    [id],
  );
  if (!b) fail("not_found", `bookingId: no booking '${id}'`);
  return b;
}
