import { sql, type Tx } from "@omnify/db";
import { getEntitlements, limitLabel } from "../entitlements";
import type { LimitKey, PlanId } from "../plans";
import { coreMeters } from "./meters";
import { ALERT_THRESHOLDS, upgradePath } from "./quotas";

export type QuotaState = "ok" | "warning" | "exceeded";

export type MeterUsage = {
  source: string;
  meter: string;
  label: string;
  aggregation: string;
  unit: string | null;
  /** This month so far: the total for sum/count, the peak for max, distinct subjects for unique. */
  used: number;
  quota: {
    key: LimitKey;
    label: string;
    limit: number | null;
    state: QuotaState;
    upgrade: string;
  } | null;
  /** One value per day of the month so far (closed days from the daily roll-ups, the rest live). */
  daily: number[];
};

export type SubaccountUsage = {
  tenantId: string;
  name: string;
  source: string;
  meter: string;
  daily: number[];
};

export type UsageOverview = {
  plan: PlanId;
  month: string;
  days: string[];
  meters: MeterUsage[];
  alerts: { meter: string; threshold: number; createdAt: Date }[];
  /** An agency's sub-accounts (closed days, from their daily roll-ups); null elsewhere. */
  subaccounts: SubaccountUsage[] | null;
};

const CORE_LABELS: Record<string, string> = {
  "api.calls": "API calls",
  "ai.tokens": "AI tokens",
  "screen.hours": "Screen hours",
};

/** "utm-links · clicks" for plugin:utm-links's meter "utm-links.clicks". */
function pluginMeterLabel(source: string, meter: string): string {
  const plugin = source.replace(/^plugin:/, "");
  return `${plugin} · ${meter.startsWith(`${plugin}.`) ? meter.slice(plugin.length + 1) : meter}`;
}

type DayRow = { source: string; meter: string; day: string; value: string; aggregation: string };

/** The usage page's data for the transaction's tenant: this UTC month, per meter and day. */
export async function getUsageOverview(
  tx: Tx,
  tenantId: string,
  now = new Date(),
): Promise<UsageOverview> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const days = Array.from({ length: now.getUTCDate() }, (_, i) =>
    new Date(monthStart.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );
  const from = monthStart.toISOString();
  const to = nextMonth.toISOString();
  // Rolled days come from usage_rollups; days the daily job has not closed yet, from events.
  const rows = (await tx.execute(sql`
    with state as (
      select coalesce((select closed_until from usage_rollup_state where period = 'day'),
        ${from}::timestamptz) as closed_until
    )
    select source, meter, to_char(bucket_start at time zone 'UTC', 'YYYY-MM-DD') as day,
      value::text as value, aggregation
    from usage_rollups, state
    where period = 'day' and bucket_start >= ${from}::timestamptz and bucket_start < state.closed_until
    union all
    select source, meter, to_char(date_trunc('day', occurred_at, 'UTC') at time zone 'UTC', 'YYYY-MM-DD'),
      (case max(aggregation)
        when 'sum' then sum(quantity) when 'count' then count(*)::numeric
        when 'max' then max(quantity) else count(distinct subject)::numeric end)::text,
      max(aggregation)
    from usage_events, state
    where occurred_at >= greatest(state.closed_until, ${from}::timestamptz) and occurred_at < ${to}::timestamptz
    group by source, meter, date_trunc('day', occurred_at, 'UTC')`)) as unknown as DayRow[];
  const monthly = (await tx.execute(sql`
    select source, meter, max(aggregation) as aggregation,
      case max(aggregation) when 'max' then max(quantity)
        when 'unique' then count(distinct subject)::numeric
        when 'count' then count(*)::numeric else sum(quantity) end::text as used
    from usage_events
    where occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz
      and aggregation in ('max', 'unique')
    group by source, meter
    union all
    select source, meter, 'sum', total::text from usage_monthly
    where month = ${from.slice(0, 10)}::date`)) as unknown as {
    source: string;
    meter: string;
    used: string;
  }[];
  const ent = await getEntitlements(tx, tenantId, now);
  const meters = new Map<string, MeterUsage>();
  const entry = (source: string, meter: string, aggregation: string) => {
    const k = `${source}|${meter}`;
    let m = meters.get(k);
    if (!m) {
      const core = source === "core" ? coreMeters.find((c) => c.name === meter) : undefined;
      m = {
        source,
        meter,
        label: CORE_LABELS[meter] ?? pluginMeterLabel(source, meter),
        aggregation: core?.aggregation ?? aggregation,
        unit: core?.unit ?? null,
        used: 0,
        quota: core ? quotaInfo(core.quota) : null,
        daily: days.map(() => 0),
      };
      meters.set(k, m);
    }
    return m;
  };
  function quotaInfo(key: LimitKey): MeterUsage["quota"] {
    return {
      key,
      label: limitLabel[key],
      limit: ent.limits[key],
      state: "ok",
      upgrade: upgradePath(ent, key),
    };
  }
  for (const c of coreMeters) entry("core", c.name, c.aggregation);
  for (const r of rows) {
    const m = entry(r.source, r.meter, r.aggregation);
    const i = days.indexOf(r.day);
    if (i >= 0) m.daily[i] = Number(r.value);
  }
  for (const r of monthly) {
    const m = meters.get(`${r.source}|${r.meter}`);
    if (m) m.used = Number(r.used);
  }
  for (const m of meters.values()) {
    const limit = m.quota?.limit;
    if (!m.quota || limit === null || limit === undefined) continue;
    const [warn = 80] = ALERT_THRESHOLDS;
    m.quota.state =
      m.used >= limit ? "exceeded" : m.used >= (limit * warn) / 100 ? "warning" : "ok";
  }
  const alerts = (await tx.execute(sql`
    select meter, threshold, created_at from usage_alerts
    where month = ${from.slice(0, 10)}::date order by created_at`)) as unknown as {
    meter: string;
    threshold: number;
    created_at: string | Date;
  }[];
  return {
    plan: ent.plan,
    month: from.slice(0, 7),
    days,
    meters: [...meters.values()],
    alerts: alerts.map((a) => ({
      meter: a.meter,
      threshold: a.threshold,
      createdAt: new Date(a.created_at),
    })),
    subaccounts: await subaccountUsage(tx, tenantId, days, from, to),
  };
}

async function subaccountUsage(
  tx: Tx,
  tenantId: string,
  days: string[],
  from: string,
  to: string,
): Promise<SubaccountUsage[] | null> {
  const [self] = (await tx.execute(
    sql`select kind from tenants where id = ${tenantId}`,
  )) as unknown as {
    kind: string;
  }[];
  if (self?.kind !== "agency") return null;
  const rows = (await tx.execute(sql`
    select tenant_id, name, source, meter, to_char(bucket_start at time zone 'UTC', 'YYYY-MM-DD') as day,
      value::text as value
    from app.subaccount_usage('day', ${from}::timestamptz, ${to}::timestamptz)`)) as unknown as {
    tenant_id: string;
    name: string;
    source: string;
    meter: string;
    day: string;
    value: string;
  }[];
  const out = new Map<string, SubaccountUsage>();
  for (const r of rows) {
    const k = `${r.tenant_id}|${r.source}|${r.meter}`;
    let s = out.get(k);
    if (!s) {
      s = {
        tenantId: r.tenant_id,
        name: r.name,
        source: r.source,
        meter: r.meter,
        daily: days.map(() => 0),
      };
      out.set(k, s);
    }
    const i = days.indexOf(r.day);
    if (i >= 0) s.daily[i] = Number(r.value);
  }
  return [...out.values()];
}
