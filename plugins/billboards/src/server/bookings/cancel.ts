import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { drainRefunds } from "../lib/money.ts";
import { pushSchedule } from "../lib/push.ts";
import { releaseBooking } from "./release.ts";

type Booking = {
  id: string;
  status: string;
  advertiser_user_id: string;
  owner_user_id: string;
  screen_id: string;
  released_booked: number;
};

/**
 * The advertiser cancels. Unpaid: the hold is released. Paid: every hour after the current
 * one goes back to the screen and its spots are refunded pro rata (price × spot-hours), the
 * owner's transfer and the platform's fee reversed in proportion. The hour on air and
 * earlier hours are kept (they were played, or missed spots are made good by `reconcile`).
 * The refund is an intent written by the statement that cancels (`cancel:<booking>`), then
 * performed at once; when the provider refuses it stays pending and `reconcile` (or a
 * repeated cancel) retries it under the same key, so it is paid exactly once.
 */
export const cancelBooking = {
  input: z.strictObject({ bookingId: z.uuid() }),
  handler: async (i: { bookingId: string }, ctx: Ctx) => {
    const member = requireMember(ctx);
    const b = await load(ctx, i.bookingId);
    if (b.advertiser_user_id !== member.userId && !member.canManage)
      fail("forbidden", "bookingId: only the advertiser who booked may cancel");
    return cancellation.run(ctx, b.id);
  },
};

/**
 * The cancellation itself, once who may cancel is settled: the advertiser's cancel above,
 * and the plugin's own when the owner rejects a creative or leaves it unreviewed
 * (`hoursFrom: "all"` for a booking that never went on air, so every hour is refunded).
 */
export const cancellation = {
  run: async (ctx: Ctx, bookingId: string, hoursFrom: "now" | "all" = "now") => {
    const b = await load(ctx, bookingId);
    if (b.status === "pending_payment") {
      await releaseBooking(ctx, b.id, "pending_payment", { hoursFrom: "all" });
      await pushSchedule(ctx, [b.screen_id]);
      return { bookingId: b.id, status: "cancelled", refunded: 0, releasedSpotHours: 0 };
    }
    if (b.status === "paid" || b.status === "active")
      await releaseBooking(ctx, b.id, "paid_or_active", { refund: true, hoursFrom });
    else if (b.status !== "cancelled")
      fail("conflict", `bookingId: a ${b.status} booking cannot be cancelled`);
    const after = await load(ctx, b.id);
    if (after.status !== "cancelled") fail("conflict", "bookingId: the booking changed; try again");
    const [r] = await drainRefunds(ctx, [`cancel:${b.id}`]);
    const refunded = r?.refunded ?? 0;
    await pushSchedule(ctx, [b.screen_id]);
    return {
      bookingId: b.id,
      status: "cancelled",
      refunded,
      refundPending: r?.status === "pending",
      releasedSpotHours: after.released_booked,
    };
  },
};

async function load(ctx: Ctx, id: string): Promise<Booking> {
  const [b] = await ctx.db.query<Booking>(
    `select b.id, b.status, b.advertiser_user_id, b.owner_user_id, b.screen_id,
       (select coalesce(sum(spots), 0)::int from booking_hours h
         where h.booking_id = b.id and h.released and h.kind = 'booked') as released_booked
     from bookings b where b.id = $1::uuid`,
    [id],
  );
  if (!b) fail("not_found", `bookingId: no booking '${id}'`);
  return b;
}
