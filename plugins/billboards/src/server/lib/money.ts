import type { Ctx } from "./context.ts";

export type RefundableBooking = {
  id: string;
  provider: "stripe" | "paystack";
  payment_id: string;
  currency: string;
  owner_user_id: string;
  advertiser_user_id: string;
};

/**
 * Refunds part of a booking's payment, taking the owner's share back from their account
 * and the platform's fee in proportion, and writes refund, transfer_reversal and fee_refund
 * to the ledger. `key` names the reason (`cancel:<id>`, `missed:<id>:<hour>`): the provider
 * call and the ledger entries are keyed by it, so a retry never refunds twice.
 */
export async function refundBooking(
  ctx: Ctx,
  booking: RefundableBooking,
  amount: number,
  key: string,
): Promise<{ refunded: number; transferReversed: number; feeRefunded: number }> {
  if (amount <= 0) return { refunded: 0, transferReversed: 0, feeRefunded: 0 };
  const refund = await ctx.payments.refund({
    provider: booking.provider,
    paymentId: booking.payment_id,
    amount,
    reverseTransfer: true,
    refundApplicationFee: true,
    idempotencyKey: key,
  });
  const feeRefunded = refund.applicationFeeRefunded;
  const transferReversed = refund.amount - feeRefunded;
  await ctx.db.query(
    `with e as (
       insert into ledger (tenant_id, entry_key, kind, booking_id, owner_user_id, advertiser_user_id,
         provider, currency, amount, provider_ref)
       select $1::uuid, v.kind || ':' || $2, v.kind, $3::uuid, $4, $5, $6, $7, v.amount, v.ref
       from (values ('refund', $8::numeric, $9::text), ('transfer_reversal', $10::numeric, $11::text),
         ('fee_refund', $12::numeric, $9::text)) v(kind, amount, ref)
       where v.amount > 0
       on conflict (tenant_id, entry_key) do nothing
       returning kind, amount)
     update bookings set refunded_amount = refunded_amount + (
       select coalesce(sum(amount), 0)::bigint from e where kind = 'refund')
     where id = $3::uuid`,
    [
      ctx.tenant.id,
      key,
      booking.id,
      booking.owner_user_id,
      booking.advertiser_user_id,
      booking.provider,
      booking.currency,
      refund.amount,
      refund.refundId,
      transferReversed,
      refund.transferReversalId,
      feeRefunded,
    ],
  );
  return { refunded: refund.amount, transferReversed, feeRefunded };
}
