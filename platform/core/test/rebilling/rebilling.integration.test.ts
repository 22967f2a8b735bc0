import { sql } from "@omnify/db";
import { describe, expect, it } from "vitest";
import { ingestUsage } from "../../src/billing/usage/ingest-usage";
import {
  createClientPlan,
  eventsChecksum,
  invoiceClient,
  invoiceLineTrace,
  listClientInvoices,
  listClientPlans,
  listRebilledClients,
  previewClientInvoice,
  refreshConnectStatus,
  setClientBilling,
  startConnectOnboarding,
  updateClientPlan,
} from "../../src/rebilling";
import { setupFakeStripe } from "../billing/fake";
import { domainFailure, setupWorld } from "../helpers";

const s = setupWorld();
const f = setupFakeStripe();

const now = new Date();
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 12));
const period = {
  start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
  end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
};

const tokens = (tenantId: string, key: string, quantity: number, occurredAt?: Date) =>
  s.t.app.withTenant(tenantId, (tx) =>
    ingestUsage(tx, [
      { meter: "ai.tokens", source: "core", quantity, idempotencyKey: key, occurredAt },
    ]),
  );
const asAlpha = <T>(work: Parameters<typeof s.t.app.withTenant<T>>[1]) =>
  s.t.app.withTenant(s.w.alpha, work);

const growth = {
  name: "Growth",
  baseFeeCents: 4900,
  markupPercent: 20,
  meters: [{ meter: "ai.tokens", unitPrice: "0.5", includedQuantity: 0 }],
};

describe("client plans", () => {
  it("names the bad field and writes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ meters: [{ meter: "ai.tokens", unitPrice: -1 }] }, "meters[0].unitPrice"],
      [{ markupPercent: -5 }, "markupPercent"],
      [{ baseFeeCents: 10.5 }, "baseFeeCents"],
      [{ name: " " }, "name"],
      [{ meters: [{ meter: "Bad Meter!", unitPrice: 1 }] }, "meters[0].meter"],
      [
        {
          meters: [
            { meter: "a.b", unitPrice: 1 },
            { meter: "a.b", unitPrice: 2 },
          ],
        },
        "meters[1].meter",
      ],
    ];
    for (const [patch, field] of cases) {
      const err = await domainFailure(
        asAlpha((tx) => createClientPlan(tx, s.alpha, { ...growth, ...patch } as typeof growth)),
      );
      expect(err, field).toMatchObject({ code: "BAD_INPUT", field });
    }
    expect(await asAlpha((tx) => listClientPlans(tx, s.alpha))).toEqual([]);
    await expect(
      s.t.app.withTenant(s.w.client, (tx) => createClientPlan(tx, s.client, growth)),
    ).rejects.toThrow(/Only an agency/);
  });

  it("assigning an unknown plan, a negative cap or another agency's client changes nothing", async () => {
    const plan = await asAlpha((tx) => createClientPlan(tx, s.alpha, growth));
    expect(plan).toMatchObject({ name: "Growth", markupPercent: "20", clients: 0 });
    const unknown = await domainFailure(
      asAlpha((tx) =>
        setClientBilling(tx, s.alpha, {
          subaccountId: s.w.client,
          planId: "00000000-0000-4000-8000-000000000000",
          spendCapCents: 100,
        }),
      ),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", field: "planId" });
    expect(unknown.message).toBe('Unknown client plan "00000000-0000-4000-8000-000000000000"');
    const negative = await domainFailure(
      asAlpha((tx) =>
        setClientBilling(tx, s.alpha, {
          subaccountId: s.w.client,
          planId: plan.id,
          spendCapCents: -1,
        }),
      ),
    );
    expect(negative).toMatchObject({ code: "BAD_INPUT", field: "spendCapCents" });
    const [betaSub] = await s.t.admin`insert into tenants (kind, parent_id, slug, name, theme_id)
      values ('subaccount', ${s.w.beta}, 'beta-client', 'Beta Client', 'grove') returning id`;
    const foreign = await domainFailure(
      asAlpha((tx) =>
        setClientBilling(tx, s.alpha, {
          subaccountId: String(betaSub?.id),
          planId: plan.id,
          spendCapCents: null,
        }),
      ),
    );
    expect(foreign).toMatchObject({ code: "NOT_FOUND", field: "subaccountId" });
    const [rows] = await s.t.admin`select count(*)::int as n from client_billing`;
    expect(rows?.n).toBe(0);
    // Another agency cannot use alpha's plan either.
    const err = await domainFailure(
      s.t.app.withTenant(s.w.beta, (tx) =>
        setClientBilling(tx, s.beta, {
          subaccountId: String(betaSub?.id),
          planId: plan.id,
          spendCapCents: null,
        }),
      ),
    );
    expect(err).toMatchObject({ code: "NOT_FOUND", field: "planId" });
  });
});

describe("invoicing through the agency's connected account", () => {
  it("computes base fee + usage × price × (1 + markup), traces every event, and lands on the connected account", async () => {
    const [plan] = await asAlpha((tx) => listClientPlans(tx, s.alpha));
    if (!plan) throw new Error("plan from the previous test");
    await asAlpha((tx) =>
      setClientBilling(
        tx,
        s.alpha,
        { subaccountId: s.w.client, planId: plan.id, spendCapCents: null },
        period.start,
      ),
    );
    await tokens(s.w.client, "inv-1", 10, lastMonth);
    await tokens(s.w.client, "inv-2", 7, lastMonth);
    await tokens(s.w.client, "inv-2", 7, lastMonth); // a retry: absorbed, not billed twice
    await tokens(s.w.other, "other-1", 1000, lastMonth); // another client's usage: not on this bill

    // Not connected yet: the invoice is written (with its trace) and waits as a draft.
    const first = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, period);
    expect(first.status).toBe("draft");
    expect(first.stripeError).toMatch(/Connect Stripe first/);

    const { url } = await startConnectOnboarding(s.t.app, f.stripe, s.alpha, "http://alpha/return");
    expect(url).toContain("/connect/onboarding/acct_");
    const account = /onboarding\/(acct_[^?]+)/.exec(url)?.[1] ?? "";
    await f.fake.completeOnboarding(account);
    expect(await refreshConnectStatus(s.t.app, f.stripe, s.w.alpha)).toMatchObject({
      accountId: account,
      chargesEnabled: true,
    });

    const sent = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, period);
    expect(sent).toEqual({ invoiceId: first.invoiceId, status: "open", stripeError: null });
    const [invoice] = await asAlpha((tx) => listClientInvoices(tx, s.w.client));
    expect(invoice?.lines.map((l) => [l.kind, l.amountCents, l.eventCount])).toEqual([
      ["base", 4900, 0],
      ["usage", 1020, 2], // 17 tokens × $0.50 × 1.2
    ]);
    expect(invoice?.totalCents).toBe(5920);

    // The trace is exactly the client's events behind the line.
    const usageLine = invoice?.lines[1];
    const trace = await asAlpha((tx) => invoiceLineTrace(tx, usageLine?.id ?? ""));
    const events = await s.t.admin<{ id: string; quantity: string }[]>`
      select id, quantity::text from usage_events where tenant_id = ${s.w.client} and meter = 'ai.tokens'
      order by occurred_at, id`;
    expect(trace.map((e) => [e.id, e.quantity])).toEqual(events.map((e) => [e.id, e.quantity]));
    expect(usageLine?.eventsChecksum).toBe(eventsChecksum(events.map((e) => e.id)));

    // On Stripe: an open invoice on the connected account, not on the platform.
    const [row] = await s.t.admin<{ stripe_invoice_id: string }[]>`
      select stripe_invoice_id from client_invoices where id = ${first.invoiceId}`;
    const onStripe = await f.stripe.invoices.retrieve(
      row?.stripe_invoice_id ?? "",
      {},
      {
        stripeAccount: account,
      },
    );
    expect(onStripe.status).toBe("open");
    expect(onStripe.total).toBe(5920);
    expect(onStripe.lines.data.map((l) => l.amount)).toEqual([4900, 1020]);
    expect(f.fake.ownerOf(onStripe.id ?? "")).toBe(account);
    expect(f.fake.ownerOf(String(onStripe.customer))).toBe(account);
    await expect(f.stripe.invoices.retrieve(onStripe.id ?? "")).rejects.toThrow(/No such/);

    // Re-running changes nothing: same invoice, no second one on Stripe.
    const invoicesBefore = f.fake.state.invoices.size;
    await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, period);
    expect(f.fake.state.invoices.size).toBe(invoicesBefore);
    const [count] = await s.t.admin`select count(*)::int as n from client_invoices`;
    expect(count?.n).toBe(1);
  });

  it("previews the current month live, usage included at once", async () => {
    await tokens(s.w.client, "now-1", 4);
    const preview = await s.t.app.withTenant(s.w.client, (tx) => previewClientInvoice(tx));
    expect(preview?.lines.map((l) => [l.kind, l.amountCents])).toEqual([
      ["base", 4900],
      ["usage", 240],
    ]);
    expect(preview?.lines[1]?.events.map((e) => e.quantity)).toEqual(["4"]);
    expect(preview?.spend).toMatchObject({
      spentCents: 240,
      spendCapCents: null,
      capReached: false,
    });
  });
});

describe("spend cap", () => {
  it("refuses a capped client's priced usage with a clear message and records nothing", async () => {
    const [plan] = await asAlpha((tx) => listClientPlans(tx, s.alpha));
    if (!plan) throw new Error("plan");
    await asAlpha((tx) =>
      setClientBilling(tx, s.alpha, {
        subaccountId: s.w.client,
        planId: plan.id,
        spendCapCents: 500,
      }),
    );
    // $2.40 so far this month; 5 more tokens = $3.00 → $5.40, past the $5.00 cap.
    await tokens(s.w.client, "now-2", 5);
    const count = async () =>
      (
        await s.t.admin`select count(*)::int as n from usage_events where tenant_id = ${s.w.client}`
      )[0]?.n;
    const before = await count();
    const refused = await domainFailure(tokens(s.w.client, "now-3", 1));
    expect(refused).toMatchObject({ code: "RATE_LIMITED", field: "spendCap" });
    expect(refused.message).toBe(
      "Spend cap reached: Client Co has used $5.40 of its $5.00 monthly cap. Ask Alpha Agency to raise it.",
    );
    expect(await count()).toBe(before);
    // Unpriced meters cost the client nothing and still pass.
    await s.t.app.withTenant(s.w.client, (tx) =>
      ingestUsage(tx, [{ meter: "api.calls", source: "core", quantity: 1, idempotencyKey: "c1" }]),
    );
    // The agency sees the client stopped.
    const clients = await listRebilledClients(s.t.app, s.alpha);
    expect(clients.find((c) => c.id === s.w.client)?.spend).toMatchObject({
      spentCents: 540,
      spendCapCents: 500,
      capReached: true,
    });
    // Raising the cap lets usage through again.
    await asAlpha((tx) =>
      setClientBilling(tx, s.alpha, {
        subaccountId: s.w.client,
        planId: plan.id,
        spendCapCents: 10_000,
      }),
    );
    await tokens(s.w.client, "now-3", 1);
    expect(await count()).toBe((before ?? 0) + 2);
  });
});

describe("who sees what", () => {
  it("a client reads its own invoices and plan only; other clients and agencies see nothing", async () => {
    const mine = await s.t.app.withTenant(s.w.client, (tx) => listClientInvoices(tx));
    expect(mine.map((i) => i.subaccountId)).toEqual([s.w.client]);
    // Even naming another client's id does not widen what RLS shows.
    const other = await s.t.app.withTenant(s.w.other, (tx) => listClientInvoices(tx, s.w.client));
    expect(other).toEqual([]);
    const beta = await s.t.app.withTenant(s.w.beta, (tx) => listClientInvoices(tx));
    expect(beta).toEqual([]);
    const lineId = mine[0]?.lines[1]?.id ?? "";
    expect(await s.t.app.withTenant(s.w.other, (tx) => invoiceLineTrace(tx, lineId))).toEqual([]);
    expect(
      (await s.t.app.withTenant(s.w.client, (tx) => invoiceLineTrace(tx, lineId))).length,
    ).toBe(2);

    await asAlpha((tx) => createClientPlan(tx, s.alpha, { ...growth, name: "Secret" }));
    const plansSeen = (tenant: string) =>
      s.t.app.withTenant(tenant, (tx) =>
        tx.execute<{ name: string }>(sql`select name from client_plans order by name`),
      );
    expect((await plansSeen(s.w.client)).map((r) => r.name)).toEqual(["Growth"]);
    expect(await plansSeen(s.w.other)).toEqual([]);
    expect(await plansSeen(s.w.beta)).toEqual([]);

    // A client cannot raise its own cap or write an invoice.
    const raised = await s.t.app.withTenant(s.w.client, (tx) =>
      tx.execute(sql`update client_billing set spend_cap_cents = null`),
    );
    expect(raised.count).toBe(0);
    await expect(
      s.t.app.withTenant(s.w.client, (tx) =>
        tx.execute(sql`insert into client_invoices (tenant_id, subaccount_id, period_start, period_end, currency, total_cents)
          values (${s.w.alpha}, ${s.w.client}, '2020-01-01', '2020-02-01', 'usd', 0)`),
      ),
    ).rejects.toThrow();
  });

  it("updating a plan validates like creating one", async () => {
    const [plan] = await asAlpha((tx) => listClientPlans(tx, s.alpha));
    const err = await domainFailure(
      asAlpha((tx) =>
        updateClientPlan(tx, s.alpha, plan?.id ?? "", { ...growth, markupPercent: "-1" }),
      ),
    );
    expect(err).toMatchObject({ field: "markupPercent" });
  });
});

describe("spend cap under concurrency", () => {
  it("lets only the batch that reaches the cap through when several arrive at once", async () => {
    const [plan] = await asAlpha((tx) => listClientPlans(tx, s.alpha));
    if (!plan) throw new Error("plan");
    // One token costs $0.60 (0.50 + 20%): the first batch reaches the $0.60 cap.
    await asAlpha((tx) =>
      setClientBilling(tx, s.alpha, {
        subaccountId: s.w.other,
        planId: plan.id,
        spendCapCents: 60,
      }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => tokens(s.w.other, `race-${i}`, 1)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [n] = await s.t.admin`select count(*)::int as n from usage_events
      where tenant_id = ${s.w.other} and idempotency_key like 'race-%'`;
    expect(n?.n).toBe(1);
  });
});
