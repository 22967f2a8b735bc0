import type { DashboardCardProps } from "@omnify/plugin-sdk/ui";
import { ClicksChart, type DayCount } from "./ClicksChart.tsx";
import { useProcedure } from "./use-procedure.ts";

type Stats = {
  links: number;
  clicks: number;
  perDay: DayCount[];
  top: { slug: string; clicks: number }[];
};

const muted = { color: "var(--omni-color-muted-foreground)", fontSize: "var(--omni-font-size-sm)" };

/** The last 14 days of clicks at a glance. */
export default function DashboardCard({ call }: DashboardCardProps) {
  const stats = useProcedure<Stats>(call, "links.stats", { days: 14 });
  return (
    <section
      aria-labelledby="utm-links-card"
      style={{ display: "grid", gap: "var(--omni-space-2)" }}
    >
      <h3 id="utm-links-card" style={{ margin: 0, fontSize: "var(--omni-font-size-md)" }}>
        Link clicks
      </h3>
      {stats.error && <p role="alert">{stats.error}</p>}
      {stats.data && (
        <>
          <p style={{ margin: 0 }}>
            <strong>{stats.data.clicks}</strong> clicks on <strong>{stats.data.links}</strong> links
          </p>
          <ClicksChart days={stats.data.perDay} />
          <p style={{ ...muted, margin: 0 }}>
            Last 14 days{stats.data.top[0] ? ` · top: ${stats.data.top[0].slug}` : ""}
          </p>
        </>
      )}
      {stats.loading && !stats.data && <p style={muted}>Loading…</p>}
    </section>
  );
}
