import { describe, expect, it } from "vitest";
import {
  assertWithinSpendCap,
  createClientPlan,
  invoiceAllClients,
  invoiceClient,
  listClientInvoices,
  listRebilledClients,
  monthOf,
  previewClientInvoice,
  refreshConnectStatus,
  setClientBilling,
  startConnectOnboarding,
  updateClientPlan,
} from "../../src/rebilling";
import { setupFakeStripe } from "../billing/fake";
import { setupWorld } from "../helpers";

const s = setupWorld();
const f = setupFakeStripe();

const asAlpha = <T>(work: Parameters<typeof s.t.app.withTenant<T>>[1]) =>
  s.t.app.withTenant(s.w.alpha, work);

const planA = {
  name: "Starter",
  baseFeeCents: 3000,
  markupPercent: 0,
  meters: [{ meter: "ai.tokens", unitPrice: "1" }],
};
const planB = {
  name: "Scale",
  baseFeeCents: 6000,
  markupPercent: 0,
  meters: [{ meter: "ai.tokens", unitPrice: "2" }],
};
const ids = { a: "", b: "" };

const march = { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") };
const april = { start: new Date("2026-04-01T00:00:00Z"), end: new Date("2026-05-01T00:00:00Z") };
const may = { start: new Date("2026-05-01T00:00:00Z"), end: new Date("2026-06-01T00:00:00Z") };

const attach = (subaccountId: string, planId: string | null, at: Date) =>
  asAlpha((tx) => setClientBilling(tx, s.alpha, { subaccountId, planId, spendCapCents: 0 }, at));

let n = 0;
const usage = (tenantId: string, quantity: number, at: string) =>
  s.t
    .admin`insert into usage_events (tenant_id, meter, source, quantity, idempotency_key, occurred_at)
    values (${tenantId}, 'ai.tokens', 'core', ${quantity}, ${`k-${n++}`}, ${at})`;

const invoiceOf = async (subaccountId: string, periodStart: string) =>
  (await asAlpha((tx) => listClientInvoices(tx, subaccountId))).find(
    (i) => i.periodStart === periodStart,
  );

const amounts = (inv: Awaited<ReturnType<typeof invoiceOf>>) =>
  inv?.lines.map((l) => [l.kind, l.amountCents, l.eventCount]);

describe("invoicing with the plans in force during the month", () => {
  it("a plan change mid-month bills each part at its own prices", async () => {
    ids.a = (await asAlpha((tx) => createClientPlan(tx, s.alpha, planA))).id;
    ids.b = (await asAlpha((tx) => createClientPlan(tx, s.alpha, planB))).id;
    await attach(s.w.client, ids.a, march.start);
    await usage(s.w.client, 10, "2026-03-05T10:00:00Z");
    // 15 of March's 31 days on Starter, then 16 on Scale.
    await attach(s.w.client, ids.b, new Date("2026-03-16T00:00:00Z"));
    await usage(s.w.client, 5, "2026-03-20T10:00:00Z");

    const r = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, march);
    expect(r.status).toBe("draft"); // not connected yet: written, waiting
    const inv = await invoiceOf(s.w.client, "2026-03-01");
    expect(amounts(inv)).toEqual([
      ["base", 1452, 0], // 3000 × 15/31 = 1451.6
      ["usage", 1000, 1], // 10 × $1
      ["base", 3097, 0], // 6000 × 16/31 = 3096.8
      ["usage", 1000, 1], // 5 × $2
    ]);
    expect(inv?.totalCents).toBe(6549);
    expect(inv?.lines[0]?.description).toBe(
      "Starter: monthly fee (2026-03-01 to 2026-03-15, 15 of 31 days)",
    );
    const [planId] = await s.t.admin`select plan_id from client_invoices where id = ${r.invoiceId}`;
    expect(planId?.plan_id).toBe(ids.b);
  });

  it("a client detached before the 1st is still invoiced for the days it was attached", async () => {
    await attach(s.w.other, ids.a, april.start);
    await usage(s.w.other, 4, "2026-04-10T10:00:00Z");
    await attach(s.w.other, null, new Date("2026-04-30T12:00:00Z"));
    await usage(s.w.other, 100, "2026-04-30T18:00:00Z"); // after detaching: not billed

    const [billing] = await s.t.admin`select plan_id, detached_at from client_billing
      where subaccount_id = ${s.w.other}`;
    expect(billing?.plan_id).toBeNull();
    expect(billing?.detached_at).toEqual(new Date("2026-04-30T12:00:00Z"));
    const listed = await listRebilledClients(s.t.app, s.alpha);
    expect(listed.find((c) => c.id === s.w.other)).toMatchObject({
      planId: null,
      spend: null,
      detachedAt: new Date("2026-04-30T12:00:00Z"),
    });
    // The cap (0 cents) no longer stops its usage once detached.
    await s.t.app.withTenant(s.w.other, (tx) => assertWithinSpendCap(tx, ["ai.tokens"]));

    const run = await invoiceAllClients(s.t.app, f.stripe, new Date("2026-05-01T03:00:00Z"));
    expect(run.period).toBe("2026-04-01");
    const inv = await invoiceOf(s.w.other, "2026-04-01");
    expect(amounts(inv)).toEqual([
      ["base", 2950, 0], // 3000 × 29.5/30
      ["usage", 400, 1],
    ]);
  });

  it("detaching and re-attaching keeps the client's Stripe customer", async () => {
    const { url } = await startConnectOnboarding(s.t.app, f.stripe, s.alpha, "http://alpha/return");
    const account = /onboarding\/(acct_[^?]+)/.exec(url)?.[1] ?? "";
    await f.fake.completeOnboarding(account);
    await refreshConnectStatus(s.t.app, f.stripe, s.w.alpha);
    // April's draft goes out now, creating the client's customer on the connected account.
    const sent = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.other, april);
    expect(sent.status).toBe("open");
    const customerOf = async () =>
      (
        await s.t
          .admin`select stripe_customer_id from client_billing where subaccount_id = ${s.w.other}`
      )[0]?.stripe_customer_id as string | null | undefined;
    const customer = await customerOf();
    expect(customer).toMatch(/^cus_/);

    await attach(s.w.other, ids.a, new Date("2026-05-11T00:00:00Z"));
    expect(await customerOf()).toBe(customer);
    await attach(s.w.other, null, new Date("2026-05-21T00:00:00Z"));
    await attach(s.w.other, ids.a, new Date("2026-05-26T00:00:00Z"));
    expect(await customerOf()).toBe(customer);

    const mayRun = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.other, may);
    expect(mayRun.status).toBe("open");
    const inv = await invoiceOf(s.w.other, "2026-05-01");
    // 10 days, then (detached 5 days) 6 days of May's 31.
    expect(amounts(inv)).toEqual([
      ["base", 968, 0],
      ["base", 581, 0],
    ]);
    const customers = [...f.fake.state.customers.values()].filter(
      (c) => (c.metadata as Record<string, string>)?.omnify_tenant_id === s.w.other,
    );
    expect(customers.map((c) => c.id)).toEqual([customer]);
    const [stripeInvoice] = await s.t
      .admin`select stripe_invoice_id from client_invoices where id = ${mayRun.invoiceId}`;
    const onStripe = await f.stripe.invoices.retrieve(
      String(stripeInvoice?.stripe_invoice_id),
      {},
      { stripeAccount: account },
    );
    expect(onStripe.customer).toBe(customer);
  });

  it("editing a plan's prices after the month ended does not change that month's invoice", async () => {
    await usage(s.w.client, 3, "2026-04-08T10:00:00Z");
    // The job has not run for April yet (the run in an earlier test wrote a draft before this
    // usage; it goes, as if never made).
    await s.t.admin`delete from client_invoices
      where subaccount_id = ${s.w.client} and period_start = '2026-04-01'`;
    await asAlpha((tx) =>
      updateClientPlan(
        tx,
        s.alpha,
        ids.b,
        { ...planB, baseFeeCents: 9999, meters: [{ meter: "ai.tokens", unitPrice: "7" }] },
        new Date("2026-05-02T00:00:00Z"),
      ),
    );
    await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, april);
    const inv = await invoiceOf(s.w.client, "2026-04-01");
    expect(amounts(inv)).toEqual([
      ["base", 6000, 0],
      ["usage", 600, 1], // 3 × $2, the price in April
    ]);
    // From the edit on, the new prices: May is one day old prices, 30 days new.
    await usage(s.w.client, 1, "2026-05-01T10:00:00Z");
    await usage(s.w.client, 1, "2026-05-10T10:00:00Z");
    await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, may);
    expect(amounts(await invoiceOf(s.w.client, "2026-05-01"))).toEqual([
      ["base", 194, 0], // 6000 × 1/31
      ["usage", 200, 1],
      ["base", 9676, 0], // 9999 × 30/31
      ["usage", 700, 1],
    ]);
  });

  it("the preview prices the current month with the same rule as the invoice", async () => {
    const [sub] = await s.t.admin`insert into tenants (kind, parent_id, slug, name, theme_id)
      values ('subaccount', ${s.w.alpha}, 'periods-client', 'Periods Client', 'grove') returning id`;
    const client = String(sub?.id);
    const now = new Date();
    const month = monthOf(now);
    const mid = new Date(
      month.start.getTime() + Math.floor((now.getTime() - month.start.getTime()) / 2),
    );
    await attach(client, ids.a, month.start);
    await attach(client, ids.b, mid);
    const preview = await s.t.app.withTenant(client, (tx) => previewClientInvoice(tx, now));
    expect(preview?.planName).toBe("Scale");
    const share = (from: Date, to: Date) =>
      (to.getTime() - from.getTime()) / (month.end.getTime() - month.start.getTime());
    const starter = Math.round(3000 * share(month.start, mid));
    const scale = Math.round(9999 * share(mid, month.end));
    expect(preview?.lines.map((l) => [l.kind, l.amountCents])).toEqual(
      [
        ["base", starter],
        ["base", scale],
      ].filter(([, cents]) => cents !== 0),
    );
    const written = await invoiceClient(s.t.app, f.stripe, s.w.alpha, client, month);
    const inv = (await asAlpha((tx) => listClientInvoices(tx, client))).find(
      (i) => i.id === written.invoiceId,
    );
    expect(inv?.lines.map((l) => [l.kind, l.amountCents, l.description])).toEqual(
      preview?.lines.map((l) => [l.kind, l.amountCents, l.description]),
    );
  });
});
