import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { BarChart, RatioLine } from "./Charts.tsx";
import { count, money, when } from "./format.ts";
import { badge, s } from "./styles.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

type OwnerData = {
  days: {
    day: string;
    occupancy: number;
    revenue: number;
    earned: number;
    payouts: number;
    plays: number;
  }[];
  balance: { earned: number; paidOut: number; due: number; currency: string | null };
  screens: {
    id: string;
    name: string;
    health: string;
    lastHeartbeatAt: string | null;
    outages7d: number;
  }[];
  alerts: { id: string; kind: string; message: string; createdAt: string }[];
};
type AdvertiserData = {
  days: { day: string; plays: number; impressions: number; spend: number }[];
  bookings: {
    id: string;
    status: string;
    screenName: string;
    from: string;
    to: string;
    spotsPerHour: number;
    plannedPlays: number;
    plays: number;
    amount: number;
    refunded: number;
    currency: string;
    checkoutUrl: string | null;
    creativeStatus: string;
  }[];
};

/** Owner: occupancy, revenue, earnings and payouts, screen health. */
export function OwnerDashboard({ call }: { call: PluginCall }) {
  const d = useProcedure<OwnerData>(call, "dashboard.owner", { days: 14 });
  const cur = d.data?.balance.currency ?? "USD";
  const pts = (k: "revenue" | "earned" | "payouts" | "plays") =>
    (d.data?.days ?? []).map((x) => ({ label: x.day, value: x[k] }));
  return (
    <section style={s.stack} aria-labelledby="bb-owner" data-testid="owner-dashboard">
      <h2 id="bb-owner" style={s.h2}>
        As a screen owner
      </h2>
      {d.error && <p role="alert">{d.error}</p>}
      {d.data && (
        <>
          <div style={s.row}>
            <Stat
              label="Earned on verified plays"
              value={money(d.data.balance.earned, cur)}
              testId="owner-earned"
            />
            <Stat label="Paid out" value={money(d.data.balance.paidOut, cur)} testId="owner-paid" />
            <Stat label="Due at the next payout" value={money(d.data.balance.due, cur)} />
          </div>
          <div style={s.grid}>
            <RatioLine
              label="Occupancy"
              points={(d.data.days ?? []).map((x) => ({ label: x.day, value: x.occupancy }))}
            />
            <BarChart
              label="Revenue (your share)"
              points={pts("revenue")}
              format={(n) => money(n, cur)}
            />
            <BarChart
              label="Earned on plays"
              points={pts("earned")}
              format={(n) => money(n, cur)}
              tone="success"
            />
            <BarChart
              label="Payouts"
              points={pts("payouts")}
              format={(n) => money(n, cur)}
              tone="accent"
            />
            <BarChart label="Verified plays" points={pts("plays")} format={count} />
          </div>
          <h3 style={s.h3}>Screen health</h3>
          <table style={s.table}>
            <tbody>
              {d.data.screens.map((x) => (
                <tr key={x.id}>
                  <td>{x.name}</td>
                  <td>
                    <span
                      style={badge(
                        x.health === "online" ? "ok" : x.health === "offline" ? "bad" : "warn",
                      )}
                    >
                      {x.health}
                    </span>
                  </td>
                  <td style={s.muted}>last heartbeat {when(x.lastHeartbeatAt)}</td>
                  <td style={s.muted}>{x.outages7d} outage(s) in 7 days</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.data.alerts.length > 0 && (
            <>
              <h3 style={s.h3}>Alerts</h3>
              <ul style={{ margin: 0 }}>
                {d.data.alerts.map((a) => (
                  <li key={a.id}>
                    <span style={s.muted}>{when(a.createdAt)}</span> {a.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Advertiser: plays, impressions and spend; bookings with cancel. */
export function AdvertiserDashboard({ call }: { call: PluginCall }) {
  const d = useProcedure<AdvertiserData>(call, "dashboard.advertiser", { days: 14 });
  const cancel = useAction<{ refunded: number }>(call, "bookings.cancel");
  const dispute = useAction(call, "disputes.open");
  const cur = d.data?.bookings[0]?.currency ?? "USD";
  const pts = (k: "plays" | "impressions" | "spend") =>
    (d.data?.days ?? []).map((x) => ({ label: x.day, value: x[k] }));
  return (
    <section style={s.stack} aria-labelledby="bb-adv" data-testid="advertiser-dashboard">
      <h2 id="bb-adv" style={s.h2}>
        As an advertiser
      </h2>
      {(d.error ?? cancel.error ?? dispute.error) && (
        <p role="alert">{d.error ?? cancel.error ?? dispute.error}</p>
      )}
      <div style={s.grid}>
        <BarChart label="Verified plays" points={pts("plays")} format={count} />
        <BarChart
          label="Estimated impressions"
          points={pts("impressions")}
          format={count}
          tone="accent"
        />
        <BarChart label="Spend" points={pts("spend")} format={(n) => money(n, cur)} />
      </div>
      <table style={s.table}>
        <thead>
          <tr>
            <th scope="col">Screen</th>
            <th scope="col">Dates</th>
            <th scope="col">Status</th>
            <th scope="col">Plays</th>
            <th scope="col">Paid</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {(d.data?.bookings ?? []).map((b) => (
            <tr key={b.id} data-testid={`booking-${b.id}`}>
              <td>{b.screenName}</td>
              <td>
                {b.from} – {b.to}, {b.spotsPerHour}/h
              </td>
              <td data-testid="booking-status">
                {b.status}
                {b.status === "paid" && b.creativeStatus === "pending"
                  ? " (creative in review)"
                  : ""}
              </td>
              <td>
                {count(b.plays)} / {count(b.plannedPlays)}
              </td>
              <td>
                {money(b.amount, b.currency)}
                {b.refunded > 0 ? `, refunded ${money(b.refunded, b.currency)}` : ""}
              </td>
              <td>
                {b.status === "pending_payment" && b.checkoutUrl && <a href={b.checkoutUrl}>Pay</a>}{" "}
                {["pending_payment", "paid", "active"].includes(b.status) && (
                  <button
                    type="button"
                    disabled={cancel.busy}
                    onClick={async () => {
                      if (
                        !window.confirm("Cancel this booking? Hours not yet on air are refunded.")
                      )
                        return;
                      if (await cancel.run({ bookingId: b.id })) d.reload();
                    }}
                  >
                    Cancel
                  </button>
                )}{" "}
                {b.status !== "pending_payment" && (
                  <button
                    type="button"
                    disabled={dispute.busy}
                    onClick={async () => {
                      const reason = window.prompt("What went wrong? An admin will look at it.");
                      if (reason && (await dispute.run({ bookingId: b.id, reason })))
                        window.alert("Dispute opened; an admin will follow up.");
                    }}
                  >
                    Dispute
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div style={s.card}>
      <span style={s.muted}>{label}</span>
      <strong data-testid={testId}>{value}</strong>
    </div>
  );
}
