import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireManager, requireMember } from "../lib/context.ts";
import { drainRefunds, LEFT_TO_REFUND, refundIntentInsert } from "../lib/money.ts";

/** The advertiser or the screen's owner raises a dispute about a booking. */
export const openDispute = {
  input: z.strictObject({ bookingId: z.uuid(), reason: z.string().trim().min(3).max(2000) }),
  handler: async (i: { bookingId: string; reason: string }, ctx: Ctx) => {
    const m = requireMember(ctx);
    const [b] = await ctx.db.query<{ advertiser_user_id: string; owner_user_id: string }>(
      "select advertiser_user_id, owner_user_id from bookings where id = $1::uuid",
      [i.bookingId],
    );
    if (!b) fail("not_found", `bookingId: no booking '${i.bookingId}'`);
    if (![b.advertiser_user_id, b.owner_user_id].includes(m.userId))
      fail("forbidden", "bookingId: only its advertiser or the screen's owner may dispute it");
    const [d] = await ctx.db.query<{ id: string }>(
      `insert into disputes (tenant_id, booking_id, opened_by, reason) values ($1, $2, $3, $4)
       returning id`,
      [ctx.tenant.id, i.bookingId, m.userId, i.reason],
    );
    return { disputeId: d?.id, status: "open" };
  },
};

const resolveInput = z.strictObject({
  disputeId: z.uuid(),
  decision: z.enum(["resolved", "rejected"]),
  resolution: z.string().trim().min(3).max(2000),
  /** Minor units to refund the advertiser (owner's share and fee reversed in proportion). */
  refundAmount: z.number().int().min(0).default(0),
});

/**
 * An admin closes a dispute, optionally refunding part of the booking. Closing and the refund
 * intent (`dispute:<id>`) are one statement; the refund is then performed, and a refusal
 * leaves it pending for `reconcile` to retry under the same key.
 */
export const resolveDispute = {
  input: resolveInput,
  handler: async (i: z.output<typeof resolveInput>, ctx: Ctx) => {
    const admin = requireManager(ctx);
    const [d] = await ctx.db.query<{
      booking_id: string;
      status: string;
      paid: boolean;
      left: string;
    }>(
      `select d.booking_id, d.status, b.payment_id is not null as paid, ${LEFT_TO_REFUND} as left
       from disputes d join bookings b on b.id = d.booking_id where d.id = $1::uuid`,
      [i.disputeId],
    );
    if (!d) fail("not_found", `disputeId: no dispute '${i.disputeId}'`);
    if (d.status !== "open") fail("conflict", `disputeId: the dispute is already ${d.status}`);
    if (i.refundAmount > 0) {
      if (!d.paid) fail("invalid_input", "refundAmount: the booking was never paid");
      if (i.refundAmount > Number(d.left))
        fail("invalid_input", `refundAmount: at most ${d.left} is left to refund`);
    }
    const key = `dispute:${i.disputeId}`;
    const [closed] = await ctx.db.query<{ id: string }>(
      `with d as (
         update disputes set status = $2, resolution = $3, resolved_by = $4, resolved_at = now()
         where id = $1::uuid and status = 'open' returning id, booking_id),
       ri as (${refundIntentInsert({ tenant: "$5", booking: "(select booking_id from d)", amount: "case when exists (select 1 from d) then $6::bigint else 0 end", key: "$7" })})
       select id from d`,
      [i.disputeId, i.decision, i.resolution, admin.userId, ctx.tenant.id, i.refundAmount, key],
    );
    if (!closed) fail("conflict", "disputeId: the dispute was closed meanwhile");
    const [r] = i.refundAmount > 0 ? await drainRefunds(ctx, [key]) : [];
    return {
      disputeId: i.disputeId,
      status: i.decision,
      refunded: r?.refunded ?? 0,
      refundPending: r?.status === "pending",
    };
  },
};
