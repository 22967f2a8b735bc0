import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireMember } from "../lib/context.ts";

/**
 * Ledger entries, newest first: one booking's (for its advertiser, its screen's owner or an
 * admin) or, for admins, everything.
 */
export const listLedger = {
  input: z.strictObject({ bookingId: z.uuid().optional() }),
  handler: async (i: { bookingId?: string | undefined }, ctx: Ctx) => {
    const m = requireMember(ctx);
    if (i.bookingId) {
      const [b] = await ctx.db.query<{ owner_user_id: string; advertiser_user_id: string }>(
        "select owner_user_id, advertiser_user_id from bookings where id = $1::uuid",
        [i.bookingId],
      );
      if (!b) fail("not_found", `bookingId: no booking '${i.bookingId}'`);
      if (!m.canManage && ![b.owner_user_id, b.advertiser_user_id].includes(m.userId))
        fail("forbidden", "bookingId: not your booking");
    } else if (!m.canManage) fail("forbidden", "only admins see the whole ledger");
    const rows = await ctx.db.query<{
      entry_key: string;
      kind: string;
      booking_id: string | null;
      amount: string;
      currency: string;
      provider_ref: string | null;
      created_at: string;
    }>(
      `select entry_key, kind, booking_id, amount, currency, provider_ref,
         to_json(created_at) #>> '{}' as created_at
       from ledger where ($1::uuid is null or booking_id = $1::uuid)
       order by created_at desc, entry_key limit 1000`,
      [i.bookingId ?? null],
    );
    return {
      entries: rows.map((r) => ({
        key: r.entry_key,
        kind: r.kind,
        bookingId: r.booking_id,
        amount: Number(r.amount),
        currency: r.currency,
        providerRef: r.provider_ref,
        createdAt: r.created_at,
      })),
    };
  },
};
