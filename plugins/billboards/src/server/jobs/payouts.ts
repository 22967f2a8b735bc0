import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireManager } from "../lib/context.ts";

type Balance = {
  owner_user_id: string;
  provider: "stripe" | "paystack";
  currency: string;
  earned: string;
  paid: string;
  account_ref: string | null;
};

/**
 * Pays owners what verified plays earned them, never what was merely booked: per owner and
 * currency, the balance is Σ earned_on_play − Σ payout, paid in whole minor units. Stripe
 * pays out from the connected account (the destination charge left the money there); a
 * Paystack subaccount was settled by the split, so the payout is recorded against it.
 * The idempotency key is the running total, so a retried run pays nothing twice.
 */
export async function payouts(_payload: unknown, ctx: Ctx) {
  const balances = await ctx.db.query<Balance>(
    `select l.owner_user_id, l.provider, l.currency,
       coalesce(sum(l.amount) filter (where l.kind = 'earned_on_play'), 0) as earned,
       coalesce(sum(l.amount) filter (where l.kind = 'payout'), 0) as paid,
       (select a.account_ref from payout_accounts a
         where a.user_id = l.owner_user_id and a.provider = l.provider) as account_ref
     from ledger l where l.kind in ('earned_on_play', 'payout') and l.owner_user_id is not null
     group by l.owner_user_id, l.provider, l.currency`,
  );
  const paid = [];
  for (const b of balances) {
    const amount = Math.floor(Number(b.earned) - Number(b.paid));
    if (amount <= 0 || !b.account_ref) continue;
    const total = Number(b.paid) + amount;
    const key = `payout:${b.owner_user_id}:${b.provider}:${b.currency}:${total}`;
    let ref = `settled-by-split:${b.account_ref}`;
    if (b.provider === "stripe") {
      const p = await ctx.payments.payout({
        provider: "stripe",
        accountId: b.account_ref,
        amount,
        currency: b.currency.toLowerCase(),
        idempotencyKey: key,
      });
      ref = p.payoutId;
    }
    await ctx.db.query(
      `insert into ledger (tenant_id, entry_key, kind, owner_user_id, provider, currency, amount,
         provider_ref)
       values ($1, $2, 'payout', $3, $4, $5, $6, $7) on conflict (tenant_id, entry_key) do nothing`,
      [ctx.tenant.id, key, b.owner_user_id, b.provider, b.currency, amount, ref],
    );
    paid.push({
      ownerUserId: b.owner_user_id,
      provider: b.provider,
      currency: b.currency,
      amount,
      ref,
    });
  }
  return { payouts: paid };
}

/** An admin pays owners now instead of waiting for the nightly run (same rules, same keys). */
export const runPayouts = {
  input: z.strictObject({}).optional(),
  handler: async (_: unknown, ctx: Ctx) => {
    requireManager(ctx);
    return payouts(null, ctx);
  },
};
