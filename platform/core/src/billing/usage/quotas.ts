import { sql, type Tx } from "@omnify/db";
import { DomainError } from "../../errors";
import { publishTenantEvent } from "../../realtime/publish";
import { type Entitlements, getEntitlements, limitLabel } from "../entitlements";
import { type LimitKey, planById, upgradeFor } from "../plans";
import { meterForQuota, quotaForMeter } from "./meters";

/** A (source, meter, month) total after an ingest batch and what the batch added to it. */
export type MonthTotal = {
  source: string;
  meter: string;
  month: string;
  total: number;
  added: number;
};

export const ALERT_THRESHOLDS = [80, 100] as const;

const fmt = (n: number) => n.toLocaleString("en-US");

/** "upgrade to Basic in Settings → Billing", or the Enterprise hint at the top. */
export function upgradePath(ent: Entitlements, limit: LimitKey): string {
  const next = upgradeFor(ent.plan, limit);
  return next ? `upgrade to ${next.name} in Settings → Billing` : "contact us about Enterprise";
}

/** The refusal once a monthly quota is used up: names the quota and the upgrade path. */
export function quotaExceeded(ent: Entitlements, limit: LimitKey, cap: number, used: number) {
  return new DomainError(
    "RATE_LIMITED",
    `Your ${planById(ent.plan).name} plan includes ${fmt(cap)} ${limitLabel[limit]} and ${fmt(used)} are used this month: ${upgradePath(ent, limit)}`,
    limit,
  );
}

/**
 * After a batch was recorded: refuses it (the caller's transaction rolls back) when a
 * quota's month was already used up before it, else records the 80% / 100% alerts it crossed
 * (once per tenant, meter, month and threshold) and publishes `usage.alert` for new ones.
 */
export async function enforceQuotas(tx: Tx, tenantId: string, totals: MonthTotal[], now: Date) {
  let ent: Entitlements | undefined;
  for (const t of totals) {
    const limit = quotaForMeter(t.source, t.meter);
    if (!limit) continue;
    ent ??= await getEntitlements(tx, tenantId, now);
    const cap = ent.limits[limit];
    if (cap === null) continue;
    const before = t.total - t.added;
    if (before >= cap) throw quotaExceeded(ent, limit, cap, before);
    for (const threshold of ALERT_THRESHOLDS) {
      if (t.total < (cap * threshold) / 100) continue;
      const inserted = (await tx.execute(sql`
        insert into usage_alerts (tenant_id, meter, month, threshold, used, quota)
        values ((select app.current_tenant()), ${t.meter}, ${t.month}, ${threshold}, ${t.total}, ${cap})
        on conflict do nothing returning threshold`)) as unknown as unknown[];
      if (inserted.length > 0)
        await publishTenantEvent(tx, "usage.alert", {
          meter: t.meter,
          quota: limit,
          threshold,
          used: t.total,
          cap,
          month: t.month,
        });
    }
  }
}

/**
 * Refuses work that would record `limit`'s meter once this month's quota is used up (the
 * REST API checks before doing a call's work; ingest checks again when it records it).
 */
export async function assertQuotaAvailable(
  tx: Tx,
  tenantId: string,
  limit: LimitKey,
  now = new Date(),
) {
  const ent = await getEntitlements(tx, tenantId, now);
  const cap = ent.limits[limit];
  if (cap === null) return;
  const used = await monthToDate(tx, limit, now);
  if (used >= cap) throw quotaExceeded(ent, limit, cap, used);
}

/** This UTC month's total of a quota's core meter for the transaction's tenant. */
export async function monthToDate(tx: Tx, limit: LimitKey, now = new Date()): Promise<number> {
  const meter = meterForQuota(limit);
  if (!meter) throw new Error(`${limit} is not a metered quota`);
  const [row] = (await tx.execute(sql`
    select coalesce(sum(total), 0) as n from usage_monthly
    where source = 'core' and meter = ${meter}
      and month = date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'UTC')::date`)) as unknown as {
    n: string;
  }[];
  return Number(row?.n ?? 0);
}
