import { createHash } from "node:crypto";
import { type AppDatabase, sql } from "@omnify/db";
import { createStripeClient, type StripeConfig } from "../stripe-client";
import { allTenantIds } from "./roll-up-all";
import { billedCustomer, ensureStripeMeters } from "./stripe-report";

export type Discrepancy = {
  tenantId: string;
  eventName: string;
  bucketStart: Date;
  ours: number;
  stripe: number;
};

type LedgerRow = { event_name: string; bucket_start: Date | string; counted: string };

const HOUR = 3_600;

/**
 * Compares, per tenant, meter and hour in [from, to), what our ledger says Stripe counted with
 * Stripe's own event summaries. Where Stripe has less, the shortfall is recorded as `lost` in
 * the ledger (so the next report sends it again) and as a `mismatch` in
 * `usage_reconciliations`; where Stripe has more, the mismatch is recorded for a person to
 * look at (an over-count needs a meter event adjustment).
 *
 * Stripe counts meter events asynchronously, so an hour with a report newer than
 * `settledBefore` (default: half an hour ago) is not judged yet: a late top-up sent at :15
 * and still uncounted at :45 would otherwise be marked lost and sent twice.
 */
export const SETTLE_MS = 30 * 60_000;

export async function reconcileStripeUsage(
  db: AppDatabase,
  config: StripeConfig,
  window: { from: Date; to: Date; settledBefore?: Date },
): Promise<Discrepancy[]> {
  const settledBefore = window.settledBefore ?? new Date(Date.now() - SETTLE_MS);
  const stripe = createStripeClient(config);
  const start = Math.floor(window.from.getTime() / 1000 / HOUR) * HOUR;
  const end = Math.floor(window.to.getTime() / 1000 / HOUR) * HOUR;
  if (end <= start) return [];
  const found: Discrepancy[] = [];
  const shortfall = new Map<string, number>();
  let meterIds: Map<string, string> | undefined;
  for (const tenantId of await allTenantIds(db)) {
    await db.withTenant(tenantId, async (tx) => {
      const customer = await billedCustomer(tx, tenantId);
      if (!customer) return;
      const ledger = (await tx.execute(sql`
        select event_name, bucket_start,
          sum(case status when 'sent' then value else -value end)::text as counted
        from usage_stripe_reports
        where stripe_customer_id = ${customer}
          and bucket_start >= to_timestamp(${start}) and bucket_start < to_timestamp(${end})
        group by event_name, bucket_start`)) as unknown as LedgerRow[];
      if (ledger.length === 0) return;
      const names = new Set(ledger.map((l) => l.event_name));
      meterIds ??= await ensureStripeMeters(stripe, names);
      // Sub-accounts share their agency's customer: Stripe's figure covers all of them, so
      // ours must too. Summaries are per customer; sum our side over the same customer.
      const { totals: shared, latest } = await sharedCustomerTotals(db, customer, start, end);
      for (const name of names) {
        const meterId = meterIds.get(name) ?? (await ensureStripeMeters(stripe, [name])).get(name);
        if (!meterId) continue;
        const theirs = new Map<number, number>();
        for await (const s of stripe.billing.meters.listEventSummaries(meterId, {
          customer,
          start_time: start,
          end_time: end,
          value_grouping_window: "hour",
          limit: 100,
        }))
          theirs.set(s.start_time, s.aggregated_value);
        for (const row of ledger.filter((l) => l.event_name === name)) {
          const bucket = new Date(row.bucket_start);
          const key = bucket.getTime() / 1000;
          const ours = Number(row.counted);
          // Not judged until every report of this hour (any tenant of the customer) settled.
          if ((latest.get(`${name}|${key}`) ?? 0) > settledBefore.getTime()) continue;
          const total = shared.get(`${name}|${key}`) ?? ours;
          const stripeValue = theirs.get(key) ?? 0;
          if (Math.abs(total - stripeValue) < 1e-9) continue;
          // Tenants sharing the customer take the shortfall in turn, each up to what it sent.
          const shortKey = `${customer}|${name}|${key}`;
          const first = !shortfall.has(shortKey);
          const left = shortfall.get(shortKey) ?? total - stripeValue;
          const missing = Math.max(0, Math.min(ours, left));
          shortfall.set(shortKey, left - missing);
          if (first || missing > 0) {
            found.push({
              tenantId,
              eventName: name,
              bucketStart: bucket,
              ours: total,
              stripe: stripeValue,
            });
            await tx.execute(sql`
              insert into usage_reconciliations (tenant_id, event_name, bucket_start, ours, stripe, status)
              values ((select app.current_tenant()), ${name}, ${bucket.toISOString()}, ${total}, ${stripeValue}, 'mismatch')`);
          }
          if (missing <= 0) continue;
          const [ref] = (await tx.execute(sql`
            select source, meter, count(*)::int as revs from usage_stripe_reports
            where event_name = ${name} and bucket_start = ${bucket.toISOString()}
            group by source, meter`)) as unknown as {
            source: string;
            meter: string;
            revs: number;
          }[];
          if (!ref) continue;
          const identifier = `lost_${createHash("sha256")
            .update(`${tenantId}|${name}|${bucket.toISOString()}|${ref.revs}`)
            .digest("hex")
            .slice(0, 48)}`;
          await tx.execute(sql`
            insert into usage_stripe_reports
              (identifier, tenant_id, source, meter, bucket_start, event_name, stripe_customer_id, value, status)
            values (${identifier}, (select app.current_tenant()), ${ref.source}, ${ref.meter},
              ${bucket.toISOString()}, ${name}, ${customer}, ${missing}, 'lost')`);
        }
      }
    });
  }
  return found;
}

/**
 * Counted totals per (event name, hour) over every tenant billed to `customer` (the agency and
 * its sub-accounts), each read inside its own tenant transaction.
 */
async function sharedCustomerTotals(db: AppDatabase, customer: string, start: number, end: number) {
  const totals = new Map<string, number>();
  /** The newest report per (event name, hour), epoch ms. */
  const latest = new Map<string, number>();
  for (const id of await allTenantIds(db)) {
    const rows = await db.withTenant(id, (tx) =>
      tx.execute(sql`
        select event_name, extract(epoch from bucket_start)::bigint::text as at,
          sum(case status when 'sent' then value else -value end)::text as counted,
          (extract(epoch from max(reported_at)) * 1000)::bigint::text as reported
        from usage_stripe_reports
        where stripe_customer_id = ${customer}
          and bucket_start >= to_timestamp(${start}) and bucket_start < to_timestamp(${end})
        group by 1, 2`),
    );
    type Row = { event_name: string; at: string; counted: string; reported: string };
    for (const r of rows as unknown as Row[]) {
      const k = `${r.event_name}|${r.at}`;
      totals.set(k, (totals.get(k) ?? 0) + Number(r.counted));
      latest.set(k, Math.max(latest.get(k) ?? 0, Number(r.reported)));
    }
  }
  return { totals, latest };
}
