import type { Ctx } from "./context.ts";

type RefundIntent = {
  entry_key: string;
  booking_id: string | null;
  payment_id: string;
  provider: "stripe" | "paystack";
  currency: string;
  owner_user_id: string | null;
  advertiser_user_id: string | null;
  amount: string;
};

export type RefundOutcome = {
  key: string;
  bookingId: string | null;
  status: "done" | "pending";
  refunded: number;
  error?: string;
};

/** How long a run may hold an intent before another run may try it (a crashed run's claim). */
const CLAIM = "2 minutes";

/**
 * Performs pending refund intents (all of them, or those under `keys`). Every refund was
 * written to `refund_intents` by the statement that decided it, so nothing here decides
 * anything: it claims an intent, asks the provider with the intent's key as the idempotency
 * key (a retry after the provider answered but before the ledger was written gets the same
 * refund back), then, in one statement, marks it done and writes refund, transfer_reversal
 * and fee_refund to the ledger. A refused call leaves the intent pending for the next run.
 */
export async function drainRefunds(ctx: Ctx, keys?: string[]): Promise<RefundOutcome[]> {
  const claimed = await ctx.db.query<RefundIntent>(
    `update refund_intents set claimed_until = now() + interval '${CLAIM}', attempts = attempts + 1
     where status = 'pending' and (claimed_until is null or claimed_until < now())
       and ($1::text is null or entry_key in (select jsonb_array_elements_text($1::text::jsonb)))
     returning entry_key, booking_id, payment_id, provider, currency, owner_user_id,
       advertiser_user_id, amount`,
    [keys ? JSON.stringify(keys) : null],
  );
  const out: RefundOutcome[] = [];
  for (const i of claimed) out.push(await performRefund(ctx, i));
  return out;
}

async function performRefund(ctx: Ctx, i: RefundIntent): Promise<RefundOutcome> {
  const base = { key: i.entry_key, bookingId: i.booking_id };
  let refund: Awaited<ReturnType<Ctx["payments"]["refund"]>>;
  try {
    refund = await ctx.payments.refund({
      provider: i.provider,
      paymentId: i.payment_id,
      amount: Number(i.amount),
      reverseTransfer: true,
      refundApplicationFee: true,
      idempotencyKey: i.entry_key,
    });
  } catch (e) {
    const error = await leavePending(ctx, "refund_intents", i.entry_key, e);
    ctx.log.warn("refund failed; it stays pending and is retried", { key: i.entry_key, error });
    return { ...base, status: "pending", refunded: 0, error };
  }
  const feeRefunded = refund.applicationFeeRefunded;
  const transferReversed = refund.amount - feeRefunded;
  await ctx.db.query(
    `with done as (
       update refund_intents set status = 'done', refund_id = $8, done_at = now(),
         claimed_until = null, last_error = null
       where entry_key = $2 and status = 'pending' returning entry_key),
     e as (
       insert into ledger (tenant_id, entry_key, kind, booking_id, owner_user_id, advertiser_user_id,
         provider, currency, amount, provider_ref)
       select $1::uuid, v.kind || ':' || $2, v.kind, $3::uuid, $4, $5, $6, $7, v.amount, v.ref
       from done, (values ('refund', $9::numeric, $8::text), ('transfer_reversal', $10::numeric, $11::text),
         ('fee_refund', $12::numeric, $8::text)) v(kind, amount, ref)
       where v.amount > 0
       on conflict (tenant_id, entry_key) do nothing
       returning kind, amount)
     update bookings set refunded_amount = refunded_amount + (
       select coalesce(sum(amount), 0)::bigint from e where kind = 'refund')
     where id = $3::uuid`,
    [
      ctx.tenant.id,
      i.entry_key,
      i.booking_id,
      i.owner_user_id,
      i.advertiser_user_id,
      i.provider,
      i.currency,
      refund.refundId,
      refund.amount,
      transferReversed,
      refund.transferReversalId,
      feeRefunded,
    ],
  );
  return { ...base, status: "done", refunded: refund.amount };
}

/**
 * A CTE body that writes one refund intent for booking `$booking` (a uuid parameter) of
 * `amount` under `key`, when the booking was paid; for statements that decide a refund, so
 * the decision and the intent commit together. Placeholders are the caller's.
 */
export function refundIntentInsert(p: {
  tenant: string;
  booking: string;
  amount: string;
  key: string;
}) {
  return `insert into refund_intents (tenant_id, entry_key, booking_id, payment_id, provider,
       currency, owner_user_id, advertiser_user_id, amount)
     select ${p.tenant}::uuid, ${p.key}, bk.id, bk.payment_id, bk.provider, bk.currency,
       bk.owner_user_id, bk.advertiser_user_id, (${p.amount})::bigint
     from bookings bk
     where bk.id = ${p.booking}::uuid and bk.payment_id is not null and (${p.amount})::bigint > 0
     on conflict (tenant_id, entry_key) do nothing
     returning entry_key`;
}

/** What is left to refund on a booking: paid, less refunded, less refunds still pending. */
export const LEFT_TO_REFUND = `(b.amount - b.refunded_amount - coalesce((select sum(ri.amount)
  from refund_intents ri where ri.booking_id = b.id and ri.status = 'pending'), 0))`;

/**
 * After a refused (or unrecorded) provider call: releases the intent's claim so the next run
 * retries it at once under the same key, and keeps the error on it. Returns the message.
 */
export async function leavePending(
  ctx: Ctx,
  table: "refund_intents" | "payout_intents",
  key: string,
  e: unknown,
): Promise<string> {
  const error = e instanceof Error ? e.message : String(e);
  await ctx.db
    .query(
      `update ${table} set claimed_until = null, last_error = $2
       where entry_key = $1 and status = 'pending'`,
      [key, error.slice(0, 1000)],
    )
    .catch(() => undefined);
  return error;
}
