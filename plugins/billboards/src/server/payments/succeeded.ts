import type { PaymentSucceededEvent } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";
import { drainRefunds } from "../lib/money.ts";
import { pushSchedule } from "../lib/push.ts";

type Paid = {
  reason: string | null;
  id: string | null;
  status: string | null;
  screen_id: string | null;
  refund_key: string | null;
};

/**
 * `payments.succeeded`: a payment counts for a booking only when it is for that booking's
 * checkout, provider, amount and currency, and the booking has no other payment. Then, in
 * one statement keyed by the payment (a redelivered event changes nothing), the booking is
 * marked paid (active at once when its creative is already approved) and charge,
 * application_fee and transfer go to the ledger; a payment for a hold that had already
 * expired gets a full refund intent in the same statement. A payment that does not match is
 * flagged (`payment_flags`), never marks anything paid, and is refunded in full through a
 * refund intent. Intents are performed at once; a refusal leaves them for `reconcile`.
 */
export async function onPaymentSucceeded(e: PaymentSucceededEvent, ctx: Ctx) {
  const [b] = await ctx.db.query<Paid>(
    `with bk as (select id, payment_id, checkout_id, amount, currency, provider from bookings
       where id = $1::uuid),
     verdict as (
       select case
         when not exists (select 1 from bk) then 'no such booking'
         when (select checkout_id from bk) is distinct from $6 then 'checkout is not the booking''s'
         when (select provider from bk) <> $7 then 'provider is not the booking''s'
         when (select amount from bk) <> $4::bigint then 'amount is not the booking''s'
         when lower((select currency from bk)) <> lower($8) then 'currency is not the booking''s'
         when (select payment_id from bk) <> $2 then 'the booking was already paid by another payment'
       end as reason),
     p as (
       update bookings b set payment_id = $2, paid_at = now(),
         status = case when b.status <> 'pending_payment' then b.status
           when (select c.status from creatives c where c.id = b.creative_id) = 'approved'
           then 'active' else 'paid' end
       where b.id = $1::uuid and b.payment_id is null and (select reason from verdict) is null
       returning b.id, b.status, b.screen_id, b.owner_user_id, b.advertiser_user_id, b.currency,
         b.provider, b.amount),
     l as (
       insert into ledger (tenant_id, entry_key, kind, booking_id, owner_user_id,
         advertiser_user_id, provider, currency, amount, provider_ref)
       select $3::uuid, v.kind || ':' || $2, v.kind, p.id, p.owner_user_id, p.advertiser_user_id,
         p.provider, p.currency, v.amount, $2
       from p, (values ('charge', $4::numeric), ('application_fee', $5::numeric),
         ('transfer', $4::numeric - $5::numeric)) v(kind, amount)
       on conflict (tenant_id, entry_key) do nothing returning 1),
     expired as (
       insert into refund_intents (tenant_id, entry_key, booking_id, payment_id, provider,
         currency, owner_user_id, advertiser_user_id, amount)
       select $3::uuid, 'expired:' || p.id, p.id, $2, p.provider, p.currency, p.owner_user_id,
         p.advertiser_user_id, p.amount
       from p where p.status = 'cancelled'
       on conflict (tenant_id, entry_key) do nothing returning entry_key),
     flag as (
       insert into payment_flags (tenant_id, payment_id, booking_id, provider, checkout_id,
         amount, currency, reason)
       select $3::uuid, $2, (select id from bk), $7, $6, $4::bigint, upper($8), v.reason
       from verdict v where v.reason is not null
       on conflict (tenant_id, payment_id) do nothing returning 1),
     mismatch as (
       insert into refund_intents (tenant_id, entry_key, booking_id, payment_id, provider,
         currency, amount)
       select $3::uuid, 'mismatch:' || $2, null, $2, $7, upper($8), $4::bigint
       from verdict v where v.reason is not null
       on conflict (tenant_id, entry_key) do nothing returning entry_key)
     select v.reason, p.id, p.status, p.screen_id,
       coalesce((select entry_key from expired), (select entry_key from mismatch)) as refund_key
     from verdict v left join p on true`,
    [
      e.reference,
      e.paymentId,
      ctx.tenant.id,
      e.amount,
      e.applicationFeeAmount,
      e.checkoutId,
      e.provider,
      e.currency,
    ],
  );
  if (b?.reason) {
    ctx.log.warn("payment does not match its booking: flagged and refunded", {
      bookingId: e.reference,
      paymentId: e.paymentId,
      reason: b.reason,
    });
    if (b.refund_key) await drainRefunds(ctx, [b.refund_key]);
    return { handled: false, flagged: true, reason: b.reason };
  }
  if (!b?.id || !b.status || !b.screen_id) return { handled: false, reason: "already recorded" };
  if (b.status === "cancelled") {
    // The hold expired before the money arrived: its spots may be sold again, so give it back.
    const [r] = b.refund_key ? await drainRefunds(ctx, [b.refund_key]) : [];
    return {
      handled: true,
      refunded: r?.status === "done",
      refundPending: r?.status === "pending",
    };
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
