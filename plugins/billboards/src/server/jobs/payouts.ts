import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireManager } from "../lib/context.ts";
import { leavePending } from "../lib/money.ts";

type Intent = {
  entry_key: string;
  owner_user_id: string;
  provider: "stripe" | "paystack";
  currency: string;
  amount: string;
  account_ref: string;
};

export type PayoutOutcome = {
  key: string;
  ownerUserId: string;
  provider: "stripe" | "paystack";
  currency: string;
  amount: number;
  status: "paid" | "pending";
  ref?: string;
  error?: string;
};

/** How long a run may hold a payout before another run may try it (a crashed run's claim). */
const CLAIM = "2 minutes";

/**
 * Pays owners what verified plays earned them, never what was merely booked, exactly once.
 *
 * 1. One statement writes a payout intent per owner, provider and currency with a balance:
 *    `floor(Σ earned_on_play − Σ payout − Σ pending intents)`. Its key carries the owner's
 *    payout number (`seq`, unique), so two runs that read the same balance write one intent.
 * 2. Each pending intent (this run's, or one a failed or crashed run left) is claimed, paid
 *    with its key as the provider's idempotency key (a retry gets the same payout back), and
 *    settled in one statement: the intent is marked paid and `payout` goes to the ledger.
 *    One owner's refusal is recorded on its intent and logged; the others are still paid.
 *
 * Stripe pays out from the connected account (the destination charge left the money there,
 * on a manual payout schedule); a Paystack subaccount was settled by the split, so the
 * payout is recorded against it.
 */
export async function payouts(_payload: unknown, ctx: Ctx) {
  await ctx.db.query(
    `with bal as (
       select l.owner_user_id, l.provider, l.currency,
         coalesce(sum(l.amount) filter (where l.kind = 'earned_on_play'), 0)
           - coalesce(sum(l.amount) filter (where l.kind = 'payout'), 0) as balance
       from ledger l where l.kind in ('earned_on_play', 'payout') and l.owner_user_id is not null
       group by l.owner_user_id, l.provider, l.currency),
     due as (
       select bal.owner_user_id, bal.provider, bal.currency, a.account_ref,
         floor(bal.balance - coalesce((select sum(i.amount) from payout_intents i
           where i.owner_user_id = bal.owner_user_id and i.provider = bal.provider
             and i.currency = bal.currency and i.status = 'pending'), 0))::bigint as amount,
         (select count(*) from payout_intents i where i.owner_user_id = bal.owner_user_id
           and i.provider = bal.provider and i.currency = bal.currency)::int + 1 as seq
       from bal join payout_accounts a
         on a.user_id = bal.owner_user_id and a.provider = bal.provider)
     insert into payout_intents (tenant_id, entry_key, owner_user_id, provider, currency, seq,
       amount, account_ref)
     select $1::uuid, 'payout:' || owner_user_id || ':' || provider || ':' || currency || ':#' || seq,
       owner_user_id, provider, currency, seq, amount, account_ref
     from due where amount > 0
     on conflict do nothing`,
    [ctx.tenant.id],
  );
  const out = await drainPayouts(ctx);
  return {
    payouts: out.filter((o) => o.status === "paid"),
    failed: out.filter((o) => o.status !== "paid"),
  };
}

/**
 * Claims and pays pending payout intents (all of them, or those under `keys`), each under its
 * own key; one claimed by a run still in flight is left to that run.
 */
export async function drainPayouts(ctx: Ctx, keys?: string[]): Promise<PayoutOutcome[]> {
  const claimed = await ctx.db.query<Intent>(
    `update payout_intents set claimed_until = now() + interval '${CLAIM}', attempts = attempts + 1
     where status = 'pending' and (claimed_until is null or claimed_until < now())
       and ($1::text is null or entry_key in (select jsonb_array_elements_text($1::text::jsonb)))
     returning entry_key, owner_user_id, provider, currency, amount, account_ref`,
    [keys ? JSON.stringify(keys) : null],
  );
  const out: PayoutOutcome[] = [];
  for (const i of claimed.sort((a, b) => a.entry_key.localeCompare(b.entry_key)))
    out.push(await pay(ctx, i));
  return out;
}

async function pay(ctx: Ctx, i: Intent): Promise<PayoutOutcome> {
  const base = {
    key: i.entry_key,
    ownerUserId: i.owner_user_id,
    provider: i.provider,
    currency: i.currency,
    amount: Number(i.amount),
  };
  let ref = `settled-by-split:${i.account_ref}`;
  try {
    if (i.provider === "stripe") {
      const p = await ctx.payments.payout({
        provider: "stripe",
        accountId: i.account_ref,
        amount: Number(i.amount),
        currency: i.currency.toLowerCase(),
        idempotencyKey: i.entry_key,
      });
      ref = p.payoutId;
    }
  } catch (e) {
    const error = await leavePending(ctx, "payout_intents", i.entry_key, e);
    ctx.log.warn("payout failed; it stays pending and is retried", { key: i.entry_key, error });
    return { ...base, status: "pending", error };
  }
  try {
    await settle(ctx, i.entry_key, ref);
  } catch (e) {
    // The provider paid but the ledger was not written: the intent stays pending under the
    // same key, so the next run gets this payout back from the provider instead of a new one.
    const error = await leavePending(ctx, "payout_intents", i.entry_key, e);
    ctx.log.error("payout made but not recorded; the next run settles it", {
      key: i.entry_key,
      ref,
      error,
    });
    return { ...base, status: "pending", ref, error };
  }
  return { ...base, status: "paid", ref };
}

async function settle(ctx: Ctx, key: string, ref: string) {
  await ctx.db.query(
    `with paid as (
       update payout_intents set status = 'paid', provider_ref = $2, settled_at = now(),
         claimed_until = null, last_error = null
       where entry_key = $1 and status = 'pending'
       returning owner_user_id, provider, currency, amount)
     insert into ledger (tenant_id, entry_key, kind, owner_user_id, provider, currency, amount,
       provider_ref)
     select $3::uuid, entry_key_of.k, 'payout', owner_user_id, provider, currency, amount, $2
     from paid, (select $1::text as k) entry_key_of
     on conflict (tenant_id, entry_key) do nothing`,
    [key, ref, ctx.tenant.id],
  );
}

/** An admin pays owners now instead of waiting for the nightly run (same rules, same keys). */
export const runPayouts = {
  input: z.strictObject({}).optional(),
  handler: async (_: unknown, ctx: Ctx) => {
    requireManager(ctx);
    return payouts(null, ctx);
  },
};
