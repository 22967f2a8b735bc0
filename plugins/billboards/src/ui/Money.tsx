import type { PluginCall } from "@omnify/plugin-sdk/ui";
import type { MoneyIntent, PaymentFlag } from "../server/dashboards/money.ts";
import { money, when } from "./format.ts";
import { badge, s } from "./styles.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

/** The shape `admin.money` returns (types only: nothing of the server is bundled here). */
export type MoneyView = { intents: MoneyIntent[]; stuck: number; flags: PaymentFlag[] };

type Retried = { settled: boolean; retried: boolean; inFlight?: boolean; error?: string };

/** `4500` seconds → `1 h 15 min`. */
export function age(seconds: number): string {
  const m = Math.floor(seconds / 60);
  if (m < 1) return "< 1 min";
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

const short = (id: string | null) => (id ? id.slice(0, 8) : "—");

/**
 * Admins: money the plugin still owes (refund and payout intents a provider has not taken
 * yet, oldest first) and payments flagged as not matching their booking.
 */
export function Money({ call }: { call: PluginCall }) {
  const m = useProcedure<MoneyView>(call, "admin.money", {});
  const retry = useAction<Retried>(call, "admin.retryMoney");
  const again = async (kind: "refund" | "payout", key: string) => {
    const r = await retry.run({ kind, key });
    if (r && !r.settled)
      retry.setError(r.error ?? (r.inFlight ? "A run is on it right now." : null));
    m.reload();
  };
  const err = m.error ?? retry.error;
  return (
    <section style={s.stack} aria-labelledby="bb-money" data-testid="admin-money">
      <h3 id="bb-money" style={s.h3}>
        Money{" "}
        {(m.data?.stuck ?? 0) > 0 && (
          <span style={badge("bad")} data-testid="money-stuck-count">
            {m.data?.stuck} stuck
          </span>
        )}
      </h3>
      {err && (
        <p role="alert" style={s.error}>
          {err}
        </p>
      )}
      <h4 style={s.h3}>Pending refunds and payouts</h4>
      {m.data?.intents.length === 0 && <p style={s.muted}>Nothing pending.</p>}
      <table style={s.table}>
        <tbody>
          {(m.data?.intents ?? []).map((i) => (
            <tr key={`${i.kind}:${i.key}`} data-testid={`money-intent-${i.key}`}>
              <td>
                {i.kind}{" "}
                {i.stuck && (
                  <span style={badge("bad")} title="Pending for over an hour">
                    stuck
                  </span>
                )}
              </td>
              <td>{money(i.amount, i.currency)}</td>
              <td title={when(i.createdAt)}>{age(i.ageSeconds)}</td>
              <td>
                {i.bookingId ? `booking ${short(i.bookingId)}` : ""}{" "}
                {i.ownerUserId ? `owner ${short(i.ownerUserId)}` : ""}
              </td>
              <td>
                {i.provider}, {i.attempts} {i.attempts === 1 ? "attempt" : "attempts"}
              </td>
              <td style={i.lastError ? s.error : s.muted}>{i.lastError ?? "—"}</td>
              <td>
                <button
                  type="button"
                  disabled={retry.busy || i.inFlight}
                  onClick={() => again(i.kind, i.key)}
                  data-testid="retry-intent"
                >
                  {i.inFlight ? "In progress" : "Retry now"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 style={s.h3}>Flagged payments</h4>
      {m.data?.flags.length === 0 && <p style={s.muted}>None.</p>}
      <table style={s.table}>
        <tbody>
          {(m.data?.flags ?? []).map((f) => (
            <tr key={f.paymentId} data-testid={`payment-flag-${f.paymentId}`}>
              <td>{when(f.createdAt)}</td>
              <td>{money(f.amount, f.currency)}</td>
              <td>
                {f.provider} {f.paymentId}
              </td>
              <td>booking {short(f.bookingId)}</td>
              <td>{f.reason}</td>
              <td>
                <span style={badge(f.refund === "done" ? "ok" : "warn")}>
                  {f.refund === "done"
                    ? "refunded"
                    : f.refund === "pending"
                      ? "refund pending"
                      : "no refund"}
                </span>
                {f.refundError && <span style={s.error}> {f.refundError}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The Admin tab's count of intents pending for over an hour (nothing when none). */
export function StuckBadge({ call }: { call: PluginCall }) {
  const m = useProcedure<MoneyView>(call, "admin.money", {});
  const n = m.data?.stuck ?? 0;
  if (n === 0) return null;
  return (
    <span style={badge("bad")} title={`${n} stuck`} data-testid="admin-stuck-badge">
      {n}
      <span style={{ position: "absolute", left: "-9999px" }}> stuck</span>
    </span>
  );
}
