"use client";

import { Alert, Badge, Card, Chart, EmptyState } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { useTenantEvents } from "../../../trpc/use-tenant-events";
import { type Meter, quotaBanner, SubaccountCharts } from "./SubaccountCharts";

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });
const STATE_TONE = { ok: "success", warning: "warning", exceeded: "danger" } as const;
const STATE_LABEL = { ok: "Within quota", warning: "Over 80%", exceeded: "Quota used up" } as const;

/** Each day's value and, for quota meters, the running month-to-date total. */
function withMonthToDate(days: string[], daily: number[]) {
  let total = 0;
  return days.map((day, i) => {
    const value = daily[i] ?? 0;
    total += value;
    return { day, value, total };
  });
}

/** This month's usage: one chart per meter with the quota, quota banners, and sub-accounts. */
export function UsagePanel({ agency }: { agency: boolean }) {
  const trpc = useTRPC();
  const overview = useQuery({
    ...trpc.usage.overview.queryOptions(),
    // Metered work happens all the time; a new quota alert also refreshes at once.
    refetchInterval: 30_000,
  });
  useTenantEvents(
    (event) => event.type === "usage.alert" && void overview.refetch(),
    () => void overview.refetch(),
  );
  const o = overview.data;
  if (overview.error) return <Alert tone="danger">{overview.error.message}</Alert>;
  if (!o) return <p className="omnify-muted">Loading usage…</p>;
  const days = o.days.map((d) => d.slice(5));
  const banners = o.meters.flatMap((m) => (m.quota && m.quota.state !== "ok" ? [m as Meter] : []));
  return (
    <div className="omnify-stack">
      {banners.map((m) => (
        <Alert
          key={m.meter}
          tone={m.quota?.state === "exceeded" ? "danger" : "warning"}
          title={quotaBanner(m).title}
        >
          {quotaBanner(m).body}
        </Alert>
      ))}
      <p className="omnify-muted">{o.month} so far, per UTC day. Quotas reset on the 1st.</p>
      {o.meters.map((m) => (
        <Card
          key={`${m.source}|${m.meter}`}
          headingLevel={2}
          title={m.label}
          data-testid={`meter-${m.meter}`}
        >
          <p>
            <strong data-testid={`used-${m.meter}`}>{fmt(m.used)}</strong>
            {m.quota?.limit != null && ` of ${fmt(m.quota.limit)} ${m.quota.label}`}
            {m.quota && m.quota.limit === null && " (unlimited on this plan)"}{" "}
            {m.quota && m.quota.limit !== null && (
              <Badge tone={STATE_TONE[m.quota.state]}>{STATE_LABEL[m.quota.state]}</Badge>
            )}
          </p>
          {m.quota?.limit != null && (
            <progress
              className="omnify-quota"
              max={m.quota.limit}
              value={Math.min(m.used, m.quota.limit)}
              aria-label={`${m.label}: ${fmt(m.used)} of ${fmt(m.quota.limit)}`}
            />
          )}
          <Chart
            label={`${m.label} per day`}
            data={withMonthToDate(days, m.daily)}
            xKey="day"
            series={[{ key: "value", label: m.label }]}
            lines={m.quota?.limit != null ? [{ key: "total", label: "Month to date" }] : []}
            referenceLines={
              m.quota?.limit != null ? [{ value: m.quota.limit, label: "Monthly quota" }] : []
            }
            unit={m.unit ?? undefined}
            height={10}
          />
        </Card>
      ))}
      {agency &&
        (o.subaccounts && o.subaccounts.length > 0 ? (
          <SubaccountCharts days={days} subaccounts={o.subaccounts} meters={o.meters as Meter[]} />
        ) : (
          <EmptyState
            title="No sub-account usage yet"
            description="Sub-accounts' usage appears here once their days are rolled up (hourly)."
          />
        ))}
    </div>
  );
}
