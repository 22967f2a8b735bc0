import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireMember } from "../lib/context.ts";

/**
 * One booking's proof of play (its advertiser, the screen's owner or an admin): every record
 * the screen sent, once each, with whether it was verified and why not.
 */
export const listPlays = {
  input: z.strictObject({
    bookingId: z.uuid(),
    limit: z.number().int().min(1).max(5000).default(1000),
  }),
  handler: async (i: { bookingId: string; limit: number }, ctx: Ctx) => {
    const m = requireMember(ctx);
    const [b] = await ctx.db.query<{ owner_user_id: string; advertiser_user_id: string }>(
      "select owner_user_id, advertiser_user_id from bookings where id = $1::uuid",
      [i.bookingId],
    );
    if (!b) fail("not_found", `bookingId: no booking '${i.bookingId}'`);
    if (!m.canManage && ![b.owner_user_id, b.advertiser_user_id].includes(m.userId))
      fail("forbidden", "bookingId: not your booking");
    const plays = await ctx.db.query<{
      id: string;
      startedAt: string;
      durationMs: number;
      verified: boolean;
      rejectReason: string | null;
    }>(
      `select id, to_json(started_at) #>> '{}' as "startedAt", duration_ms as "durationMs",
         verified, reject_reason as "rejectReason"
       from plays where booking_id = $1::uuid order by started_at desc limit $2`,
      [i.bookingId, i.limit],
    );
    return { plays, verified: plays.filter((p) => p.verified).length };
  },
};
