import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { useState } from "react";
import { money, when } from "./format.ts";
import { Money } from "./Money.tsx";
import { s } from "./styles.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

type Overview = {
  pendingScreens: {
    id: string;
    name: string;
    address: string;
    venueType: string;
    currency: string;
    pricePerSpotHour: number;
    createdAt: string;
  }[];
  disputes: {
    id: string;
    bookingId: string;
    reason: string;
    status: string;
    resolution: string | null;
    screenName: string;
    amount: number;
    refunded: number;
    currency: string;
    createdAt: string;
  }[];
  fees: { currency: string; net: number; collected: number; refunded: number }[];
};

/** Admins: screens waiting for approval, disputes, the platform's fees, money owed. */
export function Admin({ call }: { call: PluginCall }) {
  const o = useProcedure<Overview>(call, "admin.overview", {});
  const review = useAction(call, "screens.review");
  const resolve = useAction(call, "disputes.resolve");
  const payNow = useAction<{ payouts: { amount: number; currency: string }[] }>(
    call,
    "payouts.run",
  );
  const [paid, setPaid] = useState<string | null>(null);
  const decide = async (screenId: string, decision: "approve" | "reject") => {
    const note = decision === "reject" ? window.prompt("Why is it rejected?") : null;
    if (decision === "reject" && !note) return;
    if (await review.run({ screenId, decision, ...(note ? { note } : {}) })) o.reload();
  };
  const settle = async (disputeId: string, refund: boolean, left: number) => {
    const resolution = window.prompt("Resolution (shown to both sides)");
    if (!resolution) return;
    const amount = refund
      ? Number(window.prompt(`Refund how much (minor units, at most ${left})?`) ?? 0)
      : 0;
    if (await resolve.run({ disputeId, decision: "resolved", resolution, refundAmount: amount }))
      o.reload();
  };
  const err = o.error ?? review.error ?? resolve.error ?? payNow.error;
  return (
    <section style={s.page} aria-labelledby="bb-admin">
      <h2 id="bb-admin" style={s.h2}>
        Network admin
      </h2>
      {err && (
        <p role="alert" style={s.error}>
          {err}
        </p>
      )}
      <div style={s.row}>
        {(o.data?.fees ?? []).map((f) => (
          <div key={f.currency} style={s.card}>
            <span style={s.muted}>Platform fees ({f.currency})</span>
            <strong>{money(f.net, f.currency)}</strong>
          </div>
        ))}
      </div>
      <div style={s.row}>
        <button
          type="button"
          disabled={payNow.busy}
          data-testid="run-payouts"
          onClick={async () => {
            const r = await payNow.run({});
            if (r)
              setPaid(
                r.payouts.length
                  ? r.payouts.map((x) => money(x.amount, x.currency)).join(", ")
                  : "nothing due",
              );
          }}
        >
          {payNow.busy ? "Paying out…" : "Pay owners now"}
        </button>
        {paid && <span data-testid="payouts-result">Paid: {paid}</span>}
      </div>
      <Money call={call} />
      <h3 style={s.h3}>Screens waiting for approval</h3>
      {o.data?.pendingScreens.length === 0 && <p style={s.muted}>None.</p>}
      <table style={s.table}>
        <tbody>
          {(o.data?.pendingScreens ?? []).map((sc) => (
            <tr key={sc.id} data-testid={`pending-screen-${sc.id}`}>
              <td>{sc.name}</td>
              <td>{sc.address}</td>
              <td>{sc.venueType}</td>
              <td>{money(sc.pricePerSpotHour, sc.currency)}</td>
              <td>{when(sc.createdAt)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => decide(sc.id, "approve")}
                  data-testid="approve-screen"
                >
                  Approve
                </button>{" "}
                <button type="button" onClick={() => decide(sc.id, "reject")}>
                  Reject
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 style={s.h3}>Disputes</h3>
      {o.data?.disputes.length === 0 && <p style={s.muted}>None.</p>}
      <table style={s.table}>
        <tbody>
          {(o.data?.disputes ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.screenName}</td>
              <td>{d.reason}</td>
              <td>{d.status}</td>
              <td>
                {money(d.amount, d.currency)} (refunded {money(d.refunded, d.currency)})
              </td>
              <td>
                {d.status === "open" && (
                  <>
                    <button
                      type="button"
                      onClick={() => settle(d.id, false, d.amount - d.refunded)}
                    >
                      Resolve
                    </button>{" "}
                    <button type="button" onClick={() => settle(d.id, true, d.amount - d.refunded)}>
                      Resolve with refund
                    </button>
                  </>
                )}
                {d.resolution && <span style={s.muted}>{d.resolution}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
