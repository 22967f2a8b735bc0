import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { type FormEvent, useState } from "react";
import { s } from "./styles.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

type Account = {
  provider: string;
  accountRef: string;
  onboardingUrl: string | null;
  ready: boolean;
};

/** Where the owner is paid: Stripe (USD screens) and Paystack (NGN screens). */
export function Payouts({ call }: { call: PluginCall }) {
  const accounts = useProcedure<{ accounts: Account[] }>(call, "payouts.accounts", {});
  const connect = useAction<{ onboardingUrl: string | null }>(call, "payouts.connect");
  const [open, setOpen] = useState<"stripe" | "paystack" | null>(null);
  const have = (p: string) => accounts.data?.accounts.find((a) => a.provider === p);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const v = (k: string) => String(f.get(k) ?? "").trim();
    const input =
      open === "stripe"
        ? {
            provider: "stripe",
            email: v("email"),
            country: v("country"),
            returnUrl: window.location.href,
          }
        : {
            provider: "paystack",
            businessName: v("businessName"),
            settlementBank: v("settlementBank"),
            accountNumber: v("accountNumber"),
          };
    const r = await connect.run(input);
    if (!r) return;
    if (r.onboardingUrl) window.location.assign(r.onboardingUrl);
    else {
      setOpen(null);
      accounts.reload();
    }
  }

  return (
    <div style={s.card} data-testid="payouts">
      <h3 style={s.h3}>Payouts</h3>
      <p style={s.muted}>
        You are paid for verified plays, not bookings. Set up where the money goes.
      </p>
      <div style={s.row}>
        {(["stripe", "paystack"] as const).map((p) => {
          const a = have(p);
          return a ? (
            <span key={p}>
              {p === "stripe" ? "Stripe (USD)" : "Paystack (NGN)"}: {a.accountRef}{" "}
              {a.ready ? (
                "✓ ready"
              ) : a.onboardingUrl ? (
                <a href={a.onboardingUrl}>finish onboarding</a>
              ) : (
                ""
              )}
            </span>
          ) : (
            <button key={p} type="button" onClick={() => setOpen(p)} data-testid={`connect-${p}`}>
              {p === "stripe" ? "Connect Stripe (USD)" : "Add Paystack subaccount (NGN)"}
            </button>
          );
        })}
      </div>
      {open && (
        <form onSubmit={submit} style={s.row}>
          {open === "stripe" ? (
            <>
              <label style={s.label}>
                Email
                <input name="email" type="email" required data-testid="stripe-email" />
              </label>
              <label style={s.label}>
                Country
                <input name="country" defaultValue="US" required pattern="[A-Z]{2}" />
              </label>
            </>
          ) : (
            <>
              <label style={s.label}>
                Business name
                <input name="businessName" required />
              </label>
              <label style={s.label}>
                Bank code
                <input name="settlementBank" defaultValue="058" required />
              </label>
              <label style={s.label}>
                Account number
                <input name="accountNumber" required pattern="\d{10}" />
              </label>
            </>
          )}
          <button type="submit" disabled={connect.busy} data-testid="connect-submit">
            {connect.busy ? "Connecting…" : "Continue"}
          </button>
        </form>
      )}
      {connect.error && (
        <p role="alert" style={s.error}>
          {connect.error}
        </p>
      )}
    </div>
  );
}
