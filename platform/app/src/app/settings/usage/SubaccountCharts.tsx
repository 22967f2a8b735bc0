"use client";

import { Card, Chart } from "@omnify/ui";

export type Meter = {
  source: string;
  meter: string;
  label: string;
  unit: string | null;
  used: number;
  quota: {
    label: string;
    limit: number | null;
    state: "ok" | "warning" | "exceeded";
    upgrade: string;
  } | null;
};
type Subaccount = {
  tenantId: string;
  name: string;
  source: string;
  meter: string;
  daily: number[];
};

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** The banner for a quota at 80% or used up: what happened and the upgrade path. */
export function quotaBanner(m: Meter): { title: string; body: string } {
  const q = m.quota;
  if (!q || q.limit === null) return { title: "", body: "" };
  const upgrade = q.upgrade.charAt(0).toUpperCase() + q.upgrade.slice(1);
  return q.state === "exceeded"
    ? {
        title: `${m.label}: this month's quota is used up`,
        body: `${fmt(m.used)} of ${fmt(q.limit)} ${q.label}; further use is refused until next month. ${upgrade}.`,
      }
    : {
        title: `${m.label}: over 80% of this month's quota`,
        body: `${fmt(m.used)} of ${fmt(q.limit)} ${q.label}. ${upgrade} to avoid interruptions.`,
      };
}

/** One stacked chart per meter, one colour per sub-account (closed days, from the roll-ups). */
export function SubaccountCharts({
  days,
  subaccounts,
  meters,
}: {
  days: string[];
  subaccounts: Subaccount[];
  meters: Meter[];
}) {
  const keys = [...new Set(subaccounts.map((s) => `${s.source}|${s.meter}`))];
  return (
    <>
      {keys.map((k) => {
        const rows = subaccounts.filter((s) => `${s.source}|${s.meter}` === k);
        const meter = meters.find((m) => `${m.source}|${m.meter}` === k);
        const label = meter?.label ?? rows[0]?.meter ?? k;
        return (
          <Card
            key={k}
            headingLevel={2}
            title={`${label} by sub-account`}
            data-testid={`subaccounts-${rows[0]?.meter}`}
          >
            <Chart
              label={`${label} per day by sub-account`}
              data={days.map((day, i) =>
                Object.fromEntries([
                  ["day", day],
                  ...rows.map((r) => [r.tenantId, r.daily[i] ?? 0]),
                ]),
              )}
              xKey="day"
              series={rows.map((r) => ({ key: r.tenantId, label: r.name }))}
              stacked
              unit={meter?.unit ?? undefined}
              height={10}
            />
          </Card>
        );
      })}
    </>
  );
}
