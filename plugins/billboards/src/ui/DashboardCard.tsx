import type { DashboardCardProps } from "@omnify/plugin-sdk/ui";
import { BarChart } from "./Charts.tsx";
import { count, money } from "./format.ts";
import { s } from "./styles.ts";
import { useProcedure } from "./use-procedure.ts";

type Data = {
  days: { day: string; plays: number }[];
  balance: { earned: number; due: number; currency: string | null };
  screens: { health: string }[];
};

/** The owner's network at a glance: screens online, plays, what is due. */
export default function DashboardCard({ call, plugin }: DashboardCardProps) {
  const d = useProcedure<Data>(call, "dashboard.owner", { days: 7 });
  const online = d.data?.screens.filter((x) => x.health === "online").length ?? 0;
  return (
    <section aria-labelledby="bb-card" style={{ display: "grid", gap: "var(--omni-space-2)" }}>
      <h3 id="bb-card" style={s.h3}>
        Billboards
      </h3>
      {d.error && <p role="alert">{d.error}</p>}
      {d.data && (
        <>
          <p style={{ margin: 0 }}>
            <strong>{online}</strong> of {d.data.screens.length} screens online ·{" "}
            {money(d.data.balance.due, d.data.balance.currency)} due
          </p>
          <BarChart
            label="Verified plays, 7 days"
            points={d.data.days.map((x) => ({ label: x.day, value: x.plays }))}
            format={count}
          />
        </>
      )}
      <a href={`/p/${plugin.id}/dashboard`}>Open billboards</a>
    </section>
  );
}
