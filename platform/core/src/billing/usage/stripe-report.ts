import { createHash } from "node:crypto";
import { type AppDatabase, sql, type Tx, withinTenant } from "@omnify/db";
import { createStripeClient, type Stripe, type StripeConfig } from "../stripe-client";
import { allTenantIds } from "./roll-up-all";

/**
 * Usage reporting to Stripe Billing Meters. Our ledger (`usage_events` → hourly roll-ups) is the
 * source of truth; Stripe gets each closed hour of every `sum`/`count` meter per billed customer
 * through the v2 meter event stream, with a deterministic identifier, and `usage_stripe_reports`
 * records what was sent. Counted = sent − lost (lost: found missing by reconciliation), so a
 * later run tops up exactly what Stripe lacks. `max` and `unique` meters are not summable across
 * hours and are not reported.
 */

/** Stripe accepts meter events up to 35 days old; older buckets are not reported. */
const MAX_AGE_MS = 30 * 86_400_000;
const STREAM_BATCH = 100;

/** The Stripe meter `event_name` for one of our meters. */
export function stripeEventName(source: string, meter: string): string {
  return `omnify_${source}_${meter}`.replace(/[^a-zA-Z0-9_]/g, "_").slice(0, 100);
}

/** The identifier of one report: the same bucket and revision always give the same one. */
export function reportIdentifier(
  tenantId: string,
  source: string,
  meter: string,
  bucket: Date,
  rev: number,
) {
  const h = createHash("sha256").update(
    `${tenantId}|${source}|${meter}|${bucket.toISOString()}|${rev}`,
  );
  return `omn_${h.digest("hex").slice(0, 48)}`;
}

/** Creates the Stripe meter (formula sum) for each event name that has no active one yet. */
export async function ensureStripeMeters(stripe: Stripe, eventNames: Iterable<string>) {
  const ids = new Map<string, string>();
  for await (const m of stripe.billing.meters.list({ limit: 100 }))
    if (m.status === "active") ids.set(m.event_name, m.id);
  for (const name of eventNames) {
    if (ids.has(name)) continue;
    const m = await stripe.billing.meters.create({
      display_name: name,
      event_name: name,
      default_aggregation: { formula: "sum" },
      customer_mapping: { event_payload_key: "stripe_customer_id", type: "by_id" },
      value_settings: { event_payload_key: "value" },
    });
    ids.set(name, m.id);
  }
  return ids;
}

/** The Stripe customer that pays for the transaction's tenant: its own, else its agency's. */
export async function billedCustomer(tx: Tx, tenantId: string): Promise<string | null> {
  const [t] = (await tx.execute(
    sql`select parent_id from tenants where id = ${tenantId}`,
  )) as unknown as {
    parent_id: string | null;
  }[];
  const billed = t?.parent_id ?? tenantId;
  const [c] = (await withinTenant(tx, billed, () =>
    tx.execute(sql`select stripe_customer_id from billing_customers where tenant_id = ${billed}`),
  )) as unknown as { stripe_customer_id: string }[];
  return c?.stripe_customer_id ?? null;
}

type Pending = {
  source: string;
  meter: string;
  bucket_start: Date | string;
  delta: string;
  revs: number;
};

/** A client for the v2 stream, authenticated with a fresh meter event session token. */
export async function meterStreamClient(stripe: Stripe, config: StripeConfig): Promise<Stripe> {
  const session = await stripe.v2.billing.meterEventSession.create();
  return createStripeClient({ ...config, secretKey: session.authentication_token });
}

export type ReportResult = { tenants: number; events: number };

/**
 * Sends every closed hour whose roll-up exceeds what Stripe has counted, per tenant (inside
 * its RLS transaction). The ledger rows are written in the same transaction as the sends: a
 * failed send rolls them back and the next run retries with the same identifiers, which
 * Stripe de-duplicates.
 */
export async function reportUsageToStripe(
  db: AppDatabase,
  config: StripeConfig,
  now = new Date(),
): Promise<ReportResult> {
  const stripe = createStripeClient(config);
  let stream: Stripe | undefined;
  let meters: Set<string> | undefined;
  let tenants = 0;
  let events = 0;
  for (const id of await allTenantIds(db)) {
    const sent = await db.withTenant(id, async (tx) => {
      const customer = await billedCustomer(tx, id);
      if (!customer) return 0;
      const pending = (await tx.execute(sql`
        select r.source, r.meter, r.bucket_start,
          (r.value - coalesce(sum(case s.status when 'sent' then s.value else -s.value end), 0))::text as delta,
          count(s.identifier)::int as revs
        from usage_rollups r
        left join usage_stripe_reports s on s.source = r.source and s.meter = r.meter
          and s.bucket_start = r.bucket_start
        where r.period = 'hour' and r.aggregation in ('sum', 'count')
          and r.bucket_start >= ${new Date(now.getTime() - MAX_AGE_MS).toISOString()}::timestamptz
        group by r.source, r.meter, r.bucket_start, r.value
        having r.value - coalesce(sum(case s.status when 'sent' then s.value else -s.value end), 0) > 0
        order by r.bucket_start`)) as unknown as Pending[];
      if (pending.length === 0) return 0;
      const names = pending.map((p) => stripeEventName(p.source, p.meter));
      if (!meters || names.some((n) => !meters?.has(n)))
        meters = new Set((await ensureStripeMeters(stripe, new Set(names))).keys());
      stream ??= await meterStreamClient(stripe, config);
      const batch = pending.map((p) => {
        const bucket = new Date(p.bucket_start);
        return {
          p,
          bucket,
          eventName: stripeEventName(p.source, p.meter),
          identifier: reportIdentifier(id, p.source, p.meter, bucket, p.revs),
        };
      });
      for (const b of batch)
        await tx.execute(sql`
          insert into usage_stripe_reports
            (identifier, tenant_id, source, meter, bucket_start, event_name, stripe_customer_id, value)
          values (${b.identifier}, (select app.current_tenant()), ${b.p.source}, ${b.p.meter},
            ${b.bucket.toISOString()}, ${b.eventName}, ${customer}, ${b.p.delta})`);
      for (const b of batch)
        await tx.execute(sql`
          update usage_reconciliations set status = 'resent'
          where status = 'mismatch' and event_name = ${b.eventName}
            and bucket_start = ${b.bucket.toISOString()}`);
      for (let i = 0; i < batch.length; i += STREAM_BATCH) {
        await stream.v2.billing.meterEventStream.create({
          events: batch.slice(i, i + STREAM_BATCH).map((b) => ({
            event_name: b.eventName,
            identifier: b.identifier,
            timestamp: b.bucket.toISOString(),
            payload: { stripe_customer_id: customer, value: b.p.delta },
          })),
        });
      }
      return batch.length;
    });
    if (sent > 0) tenants += 1;
    events += sent;
  }
  return { tenants, events };
}
