import { describe, expect, it } from "vitest";
import type { StripeConfig } from "../../../src/billing/stripe-client";
import { ingestUsage, type UsageEventInput } from "../../../src/billing/usage/ingest-usage";
import { reconcileStripeUsage } from "../../../src/billing/usage/reconcile";
import { rollUpUsage } from "../../../src/billing/usage/roll-up";
import { reportUsageToStripe, stripeEventName } from "../../../src/billing/usage/stripe-report";
import { setupWorld } from "../../helpers";
import { setupFakeStripe, WEBHOOK_SECRET } from "../fake";

const s = setupWorld();
const f = setupFakeStripe();
const config = (): StripeConfig => ({
  secretKey: "sk_test_omnify",
  webhookSecret: WEBHOOK_SECRET,
  host: "127.0.0.1",
  port: f.fake.port,
  protocol: "http",
});

// Two closed hours, two hours back and three hours back.
const hour = (back: number) => {
  const d = new Date();
  d.setUTCMinutes(0, 0, 0);
  return new Date(d.getTime() - back * 3_600_000);
};
const tokens = (tenantId: string, key: string, quantity: number, at: Date) =>
  s.t.app.withTenant(tenantId, (tx) =>
    ingestUsage(tx, [
      {
        meter: "ai.tokens",
        source: "core",
        quantity,
        idempotencyKey: key,
        occurredAt: at,
      } as UsageEventInput,
    ]),
  );
const rollAll = async () => {
  for (const t of [s.w.alpha, s.w.client])
    await s.t.app.withTenant(t, (tx) => rollUpUsage(tx, "hour"));
};
const EVENT = stripeEventName("core", "ai.tokens");
// Judged as if every report so far had settled at Stripe (the default waits half an hour).
const window = () => ({ from: hour(5), to: hour(0), settledBefore: new Date(Date.now() + 1_000) });
const summaries = async (customer: string) => {
  const meters = await f.stripe.billing.meters.list();
  const meter = meters.data.find((m) => m.event_name === EVENT);
  if (!meter) throw new Error("no meter");
  const list = await f.stripe.billing.meters.listEventSummaries(meter.id, {
    customer,
    start_time: Math.floor(hour(5).getTime() / 1000),
    end_time: Math.floor(hour(0).getTime() / 1000),
    value_grouping_window: "hour",
  });
  return list.data.filter((d) => d.aggregated_value > 0).map((d) => d.aggregated_value);
};

describe("Stripe Billing Meters", () => {
  let customer = "";

  it("reports closed hourly roll-ups once, for the agency's customer, through the v2 stream", async () => {
    customer = (await f.stripe.customers.create({ name: "Alpha" })).id;
    await s.t
      .admin`insert into billing_customers (tenant_id, stripe_customer_id) values (${s.w.alpha}, ${customer})`;
    await tokens(s.w.alpha, "a1", 100, new Date(hour(3).getTime() + 60_000));
    await tokens(s.w.client, "c1", 40, new Date(hour(3).getTime() + 120_000));
    await tokens(s.w.alpha, "a2", 5, new Date(hour(2).getTime() + 60_000));
    await rollAll();
    expect(await reportUsageToStripe(s.t.app, config())).toEqual({ tenants: 2, events: 3 });
    // A second run sends nothing: the ledger already covers every hour.
    expect(await reportUsageToStripe(s.t.app, config())).toEqual({ tenants: 0, events: 0 });
    expect(await summaries(customer)).toEqual([140, 5]);
    const ledger = await s.t.admin`select tenant_id, value::float as value, status, event_name
      from usage_stripe_reports order by bucket_start, value`;
    expect(ledger.map((r) => [r.value, r.status, r.event_name])).toEqual([
      [40, "sent", EVENT],
      [100, "sent", EVENT],
      [5, "sent", EVENT],
    ]);
    expect(await reconcileStripeUsage(s.t.app, config(), window())).toEqual([]);
  });

  it("tops up a closed hour that received a late event", async () => {
    await tokens(s.w.alpha, "a3", 7, new Date(hour(2).getTime() + 600_000));
    await rollAll();
    expect((await reportUsageToStripe(s.t.app, config())).events).toBe(1);
    expect(await summaries(customer)).toEqual([140, 12]);
  });

  it("detects a report Stripe lost, records the discrepancy, and re-sends it", async () => {
    await tokens(s.w.client, "c2", 30, new Date(hour(1).getTime() + 60_000));
    await rollAll();
    f.fake.dropMeterEvents(1);
    expect((await reportUsageToStripe(s.t.app, config())).events).toBe(1);
    expect(await summaries(customer)).toEqual([140, 12]);

    // Just reported: Stripe may still be counting it, so it is not judged (nor re-sent) yet.
    expect(await reconcileStripeUsage(s.t.app, config(), { from: hour(5), to: hour(0) })).toEqual(
      [],
    );
    const [early] = await s.t.admin`select count(*)::int as n from usage_stripe_reports
      where status = 'lost'`;
    expect(early?.n).toBe(0);

    const found = await reconcileStripeUsage(s.t.app, config(), window());
    expect(found.map((d) => [d.tenantId, d.ours, d.stripe])).toEqual([[s.w.client, 30, 0]]);
    const [rec] = await s.t.admin`select status, ours::float as ours, stripe::float as stripe
      from usage_reconciliations where tenant_id = ${s.w.client}`;
    expect(rec).toEqual({ status: "mismatch", ours: 30, stripe: 0 });

    expect((await reportUsageToStripe(s.t.app, config())).events).toBe(1);
    expect(await summaries(customer)).toEqual([140, 12, 30]);
    const [after] = await s.t
      .admin`select status from usage_reconciliations where tenant_id = ${s.w.client}`;
    expect(after?.status).toBe("resent");
    expect(await reconcileStripeUsage(s.t.app, config(), window())).toEqual([]);
  });

  it("refuses the stream without a valid session token", async () => {
    const res = await fetch(`${f.fake.url}/v2/billing/meter_event_stream`, {
      method: "POST",
      headers: { authorization: "Bearer sk_test_omnify", "content-type": "application/json" },
      body: JSON.stringify({ events: [{ event_name: EVENT, payload: { value: "1" } }] }),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.type).toBe("temporary_session_expired");
  });
});
