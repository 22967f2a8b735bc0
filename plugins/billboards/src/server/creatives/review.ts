import { z } from "@omnify/plugin-sdk";
import { withdrawBooking } from "../bookings/withdraw.ts";
import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { pushSchedule } from "../lib/push.ts";

const input = z.strictObject({
  creativeId: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(500).optional(),
});

/**
 * The screen's owner approves or rejects a creative. Approval starts every paid booking
 * that uses it (status `active`) and pushes the new schedule to the screen at once.
 * Rejection (also of a creative approved earlier) cancels every paid or running booking
 * that uses it and refunds its unplayed hours, with the owner's note as the reason.
 */
export const reviewCreative = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const member = requireMember(ctx);
    if (i.decision === "reject" && !i.note)
      fail("invalid_input", "note: say why, so the advertiser can fix it");
    const [c] = await ctx.db.query<{ screen_id: string; owner_user_id: string }>(
      `select c.screen_id, s.owner_user_id from creatives c join screens s on s.id = c.screen_id
       where c.id = $1::uuid`,
      [i.creativeId],
    );
    if (!c) fail("not_found", `creativeId: no creative '${i.creativeId}'`);
    if (c.owner_user_id !== member.userId && !member.canManage)
      fail("forbidden", "creativeId: only the screen's owner reviews its creatives");
    const status = i.decision === "approve" ? "approved" : "rejected";
    const [r] = await ctx.db.query<{ activated: number }>(
      `with c as (update creatives set status = $2, review_note = $3, reviewed_by = $4,
           reviewed_at = now() where id = $1::uuid returning id, status),
       b as (update bookings set status = 'active'
           where creative_id in (select id from c where status = 'approved') and status = 'paid'
           returning id)
       select count(*)::int as activated from b`,
      [i.creativeId, status, i.note ?? null, member.userId],
    );
    const cancelled: string[] = [];
    if (status === "rejected") {
      const booked = await ctx.db.query<{ id: string }>(
        `select id from bookings where creative_id = $1::uuid and status in ('paid', 'active')
         order by created_at`,
        [i.creativeId],
      );
      for (const b of booked)
        if (await withdrawBooking(ctx, b.id, `the screen's owner rejected the creative: ${i.note}`))
          cancelled.push(b.id);
    }
    await pushSchedule(ctx, [c.screen_id]);
    return {
      creativeId: i.creativeId,
      status,
      activatedBookings: r?.activated ?? 0,
      cancelledBookings: cancelled,
    };
  },
};
