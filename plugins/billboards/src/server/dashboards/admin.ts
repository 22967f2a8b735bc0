import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireManager } from "../lib/context.ts";

/** The admin view: screens waiting for approval, open disputes, and the platform's fees. */
export const adminOverview = {
  input: z.strictObject({}).optional(),
  handler: async (_: unknown, ctx: Ctx) => {
    requireManager(ctx);
    const pending = await ctx.db.query(
      `select id, name, address, venue_type as "venueType", owner_user_id as "ownerUserId",
         currency, price_per_spot_hour::float8 as "pricePerSpotHour", to_json(created_at) #>> '{}' as "createdAt"
       from screens where status = 'pending_approval' order by created_at`,
    );
    const disputes = await ctx.db.query(
      `select d.id, d.booking_id as "bookingId", d.opened_by as "openedBy", d.reason, d.status,
         d.resolution, to_json(d.created_at) #>> '{}' as "createdAt", s.name as "screenName",
         b.amount::float8 as amount, b.refunded_amount::float8 as refunded, b.currency
       from disputes d join bookings b on b.id = d.booking_id join screens s on s.id = b.screen_id
       order by d.status = 'open' desc, d.created_at desc limit 200`,
    );
    const fees = await ctx.db.query<{ currency: string; fees: string; refunded: string }>(
      `select currency, coalesce(sum(amount) filter (where kind = 'application_fee'), 0) as fees,
         coalesce(sum(amount) filter (where kind = 'fee_refund'), 0) as refunded
       from ledger group by currency order by currency`,
    );
    return {
      pendingScreens: pending,
      disputes,
      fees: fees.map((f) => ({
        currency: f.currency,
        net: Number(f.fees) - Number(f.refunded),
        collected: Number(f.fees),
        refunded: Number(f.refunded),
      })),
    };
  },
};
