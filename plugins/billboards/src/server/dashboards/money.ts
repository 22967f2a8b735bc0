import { z } from "@omnify/plugin-sdk";
import { drainPayouts } from "../jobs/payouts.ts";
import { type Ctx, fail, requireManager } from "../lib/context.ts";
import { drainRefunds } from "../lib/money.ts";

/** An intent still pending this long is shown as stuck. */
export const STUCK_AFTER_SECONDS = 3600;

export type MoneyIntent = {
  kind: "refund" | "payout";
  key: string;
  bookingId: string | null;
  ownerUserId: string | null;
  provider: string;
  currency: string;
  amount: number;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  ageSeconds: number;
  stuck: boolean;
  /** A run holds the intent right now (its provider call may be in progress). */
  inFlight: boolean;
};

export type PaymentFlag = {
  paymentId: string;
  bookingId: string | null;
  provider: string;
  checkoutId: string;
  amount: number;
  currency: string;
  reason: string;
  createdAt: string;
  refundKey: string;
  /** `done` when the money went back, `pending` while its intent waits, `none` without one. */
  refund: "done" | "pending" | "none";
  refundError: string | null;
};

const at = z.strictObject({ asOf: z.iso.datetime({ offset: true }).optional() }).optional();

/**
 * The admin's money view: every refund and payout intent still pending (oldest first, with
 * attempts, the provider's last error and whether it has waited over an hour) and the
 * payments flagged as not matching their booking, with what became of their refund.
 * `asOf` evaluates ages at another instant, like the jobs take it.
 */
export const adminMoney = {
  input: at,
  handler: async (i: z.output<typeof at>, ctx: Ctx) => {
    requireManager(ctx);
    const now = i?.asOf ?? null;
    const intents = await ctx.db.query<Omit<MoneyIntent, "stuck">>(
      `with q as (
         select 'refund' as kind, entry_key, booking_id, owner_user_id, provider, currency, amount,
           attempts, last_error, claimed_until, created_at
         from refund_intents where status = 'pending'
         union all
         select 'payout', entry_key, null, owner_user_id, provider, currency, amount,
           attempts, last_error, claimed_until, created_at
         from payout_intents where status = 'pending')
       select kind, entry_key as key, booking_id as "bookingId", owner_user_id as "ownerUserId",
         provider, currency, amount::float8 as amount, attempts, last_error as "lastError",
         to_json(created_at) #>> '{}' as "createdAt",
         greatest(0, extract(epoch from coalesce($1::timestamptz, now()) - created_at))::float8
           as "ageSeconds",
         coalesce(claimed_until > now(), false) as "inFlight"
       from q order by created_at, entry_key limit 500`,
      [now],
    );
    const flags = await ctx.db.query<PaymentFlag>(
      `select f.payment_id as "paymentId", f.booking_id as "bookingId", f.provider,
         f.checkout_id as "checkoutId", f.amount::float8 as amount, f.currency, f.reason,
         to_json(f.created_at) #>> '{}' as "createdAt", 'mismatch:' || f.payment_id as "refundKey",
         coalesce(ri.status, 'none') as refund, ri.last_error as "refundError"
       from payment_flags f
       left join refund_intents ri on ri.entry_key = 'mismatch:' || f.payment_id
       order by f.created_at desc limit 200`,
    );
    const rows = intents.map((r) => ({ ...r, stuck: r.ageSeconds > STUCK_AFTER_SECONDS }));
    return { intents: rows, stuck: rows.filter((r) => r.stuck).length, flags };
  },
};

const retryInput = z.strictObject({
  kind: z.enum(["refund", "payout"]),
  key: z.string().min(1).max(500),
});

/**
 * An admin retries one pending intent now: the same drain the jobs run, for that intent
 * only and under its own key (the provider's idempotency key), so a retry can never move the
 * money twice. An intent already settled is reported as such; one a run holds right now is
 * left to that run.
 */
export const retryMoneyIntent = {
  input: retryInput,
  handler: async (i: z.output<typeof retryInput>, ctx: Ctx) => {
    requireManager(ctx);
    const table = i.kind === "refund" ? "refund_intents" : "payout_intents";
    const [row] = await ctx.db.query<{ status: string }>(
      `select status from ${table} where entry_key = $1`,
      [i.key],
    );
    if (!row) fail("not_found", `key: no ${i.kind} intent '${i.key}'`);
    if (row.status !== "pending")
      return { key: i.key, kind: i.kind, settled: true, retried: false };
    const [out] =
      i.kind === "refund" ? await drainRefunds(ctx, [i.key]) : await drainPayouts(ctx, [i.key]);
    if (!out) {
      // Claimed by a run in flight, or settled between the read and the claim.
      const [now] = await ctx.db.query<{ status: string }>(
        `select status from ${table} where entry_key = $1`,
        [i.key],
      );
      const settled = now?.status !== "pending";
      return { key: i.key, kind: i.kind, settled, retried: false, inFlight: !settled };
    }
    return {
      key: i.key,
      kind: i.kind,
      settled: out.status !== "pending",
      retried: true,
      ...(out.error ? { error: out.error } : {}),
    };
  },
};
