import type { PaymentSucceededEvent } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";
import { refundBooking } from "../lib/money.ts";
import { pushSchedule } from "../lib/push.ts";

type Paid = {
  id: string;
  status: string;
  screen_id: string;
  owner_user_id: string;
  advertiser_user_id: string;
  currency: string;
  provider: "stripe" | "paystack";
};

/**
 * `payments.succeeded`: marks the booking paid (active at once when its creative is already
 * approved) and writes charge, application_fee and transfer to the ledger, all in one
 * statement and keyed by the payment, so a redelivered event changes nothing. A payment for
 * a hold that had already expired is refunded in full.
 */
export async function onPaymentSucceeded(e: PaymentSucceededEvent, ctx: Ctx) {
  const [b] = await ctx.db.query<Paid & { changed: boolean }>(
    `with p as (
       update bookings b set payment_id = $2, paid_at = now(),
         status = case when b.status <> 'pending_payment' then b.status
           when (select c.status from creatives c where c.id = b.creative_id) = 'approved'
           then 'active' else 'paid' end
       where b.id = $1::uuid and b.payment_id is null
       returning b.id, b.status, b.screen_id, b.owner_user_id, b.advertiser_user_id, b.currency,
         b.provider),
     l as (
       insert into ledger (tenant_id, entry_key, kind, booking_id, owner_user_id,
         advertiser_user_id, provider, currency, amount, provider_ref)
       select $3::uuid, v.kind || ':' || $2, v.kind, p.id, p.owner_user_id, p.advertiser_user_id,
         p.provider, p.currency, v.amount, $2
       from p, (values ('charge', $4::numeric), ('application_fee', $5::numeric),
         ('transfer', $4::numeric - $5::numeric)) v(kind, amount)
       on conflict (tenant_id, entry_key) do nothing returning 1)
     select p.*, true as changed from p`,
    [e.reference, e.paymentId, ctx.tenant.id, e.amount, e.applicationFeeAmount],
  );
  if (!b) return { handled: false, reason: "already recorded or unknown booking" };
  if (b.status === "cancelled") {
    // The hold expired before the money arrived: its spots may be sold again, so give it back.
    const [full] = await ctx.db.query<{ amount: string }>(
      "select amount from bookings where id = $1::uuid",
      [b.id],
    );
    await refundBooking(
      ctx,
      { ...b, payment_id: e.paymentId },
      Number(full?.amount ?? e.amount),
      `expired:${b.id}`,
    );
    return { handled: true, refunded: true };
  }
  if (b.status === "active") await pushSchedule(ctx, [b.screen_id]);
  await ctx.events.emit("billboards.booking.paid", { bookingId: b.id, status: b.status });
  await ctx.realtime.publish("bookings", { bookingId: b.id, status: b.status });
  return { handled: true, status: b.status };
}

/** `payments.refunded`: refunds this plugin asked for are already in the ledger; log others. */
export async function onPaymentRefunded(
  e: { reference: string; refundId: string; amount: number },
  ctx: Ctx,
) {
  const [known] = await ctx.db.query(
    "select 1 from ledger where kind = 'refund' and provider_ref = $1",
    [e.refundId],
  );
  if (!known)
    ctx.log.warn("refund made outside the plugin", {
      bookingId: e.reference,
      refundId: e.refundId,
    });
  return { known: Boolean(known) };
}
