import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../../src/billing/usage/ingest-usage";
import {
  createClientPlan,
  invoiceClient,
  listClientPlans,
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
const month = (back: number) => ({
  start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)),
  end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1)),
});
const lastMonth = month(1);
const twoMonthsAgo = month(2);
const inLastMonth = new Date(lastMonth.start.getTime() + 9 * 86_400_000);

type Breakage = { method: string; path: RegExp; nth: number; when: "before" | "after" };

/**
 * The real SDK against the fake, over a transport a test can break: a request that never
 * reaches Stripe ("before"), or one Stripe carried out whose answer was lost ("after").
 * `forgetKeys` drops idempotency keys, as Stripe does once a key is older than 24 hours.
 */
function unreliableStripe(port: number) {
  const inner = Stripe.createNodeHttpClient();
  const breakages: Breakage[] = [];
  const seen = new Map<Breakage, number>();
  const control = { forgetKeys: false, breakages };
  const httpClient = Object.assign(Object.create(inner) as typeof inner, {
    makeRequest(...args: Parameters<typeof inner.makeRequest>) {
      const [, , path, method, headers] = args;
      if (control.forgetKeys)
        args[4] = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== "idempotency-key"),
        );
      const broken = breakages.find((b) => {
        if (b.method !== method || !b.path.test(path.split("?")[0] ?? "")) return false;
        const n = (seen.get(b) ?? 0) + 1;
        seen.set(b, n);
        return n === b.nth;
      });
      if (broken) breakages.splice(breakages.indexOf(broken), 1);
      if (broken?.when === "before") return Promise.reject(new Error("connection refused"));
      const sent = inner.makeRequest(...args);
      if (broken?.when === "after")
        return sent.then(async (r) => {
          await r.toJSON();
          throw new Error("connection reset after the request was sent");
        });
      return sent;
    },
  });
  const stripe = new Stripe("sk_test_omnify", {
    host: "127.0.0.1",
    port,
    protocol: "http",
    httpClient,
    maxNetworkRetries: 0,
  });
  return { stripe, control };
}

let account = "";
let planId = "";
const on = () => ({ stripeAccount: account });

/** Every Stripe invoice on the agency's account for a client, and its items. */
async function onStripe(subaccountId: string) {
  const [row] = await s.t.admin<{ stripe_customer_id: string | null }[]>`
    select stripe_customer_id from client_billing where subaccount_id = ${subaccountId}`;
  const customer = row?.stripe_customer_id ?? "";
  const invoices = (await f.stripe.invoices.list({ customer, limit: 100 }, on())).data;
  const items = (await f.stripe.invoiceItems.list({ customer, limit: 100 }, on())).data;
  return { customer, invoices, items };
}

const lineIdsOn = (items: Stripe.InvoiceItem[], invoiceId: string) =>
  items
    .filter((i) => i.invoice === invoiceId)
    .map((i) => i.metadata?.omnify_line_id)
    .sort();

async function storedLineIds(invoiceId: string) {
  const rows = await s.t.admin<{ id: string }[]>`
    select id from client_invoice_lines where invoice_id = ${invoiceId} and amount_cents <> 0`;
  return rows.map((r) => r.id).sort();
}

beforeAll(async () => {
  const plan = await s.t.app.withTenant(s.w.alpha, (tx) =>
    createClientPlan(tx, s.alpha, {
      name: "Growth",
      baseFeeCents: 4900,
      markupPercent: 20,
      meters: [{ meter: "ai.tokens", unitPrice: "0.5" }],
    }),
  );
  planId = plan.id;
  for (const client of [s.w.client, s.w.other]) {
    await s.t.app.withTenant(s.w.alpha, (tx) =>
      setClientBilling(
        tx,
        s.alpha,
        { subaccountId: client, planId, spendCapCents: null },
        twoMonthsAgo.start,
      ),
    );
    await s.t.app.withTenant(client, (tx) =>
      ingestUsage(tx, [
        {
          meter: "ai.tokens",
          source: "core",
          quantity: 17,
          idempotencyKey: `t-${client}`,
          occurredAt: inLastMonth,
        },
      ]),
    );
  }
  const { url } = await startConnectOnboarding(s.t.app, f.stripe, s.alpha, "http://alpha/return");
  account = /onboarding\/(acct_[^?]+)/.exec(url)?.[1] ?? "";
  await f.fake.completeOnboarding(account);
  await refreshConnectStatus(s.t.app, f.stripe, s.w.alpha);
});

describe("client invoices on Stripe are exactly-once", () => {
  it("a failed finalize retried after Stripe forgot the keys gives one invoice with each line once", async () => {
    const { stripe, control } = unreliableStripe(f.fake.port);
    control.breakages.push({
      method: "POST",
      path: /^\/v1\/invoices\/[^/]+\/finalize$/,
      nth: 1,
      when: "before",
    });
    const failed = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.client, lastMonth);
    expect(failed.status).toBe("draft");
    expect(failed.stripeError).toMatch(/^Stripe: /);
    const [row] = await s.t.admin<{ stripe_invoice_id: string | null }[]>`
      select stripe_invoice_id from client_invoices where id = ${failed.invoiceId}`;
    expect(row?.stripe_invoice_id).toMatch(/^in_/); // stored before any item was added

    control.forgetKeys = true;
    const retried = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.client, lastMonth);
    expect(retried).toEqual({ invoiceId: failed.invoiceId, status: "open", stripeError: null });

    const { invoices, items } = await onStripe(s.w.client);
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices;
    expect(invoice?.status).toBe("open");
    expect(invoice?.id).toBe(row?.stripe_invoice_id);
    expect(invoice?.lines.data.map((l) => l.amount)).toEqual([4900, 1020]);
    expect(invoice?.total).toBe(5920);
    expect(items).toHaveLength(2);
    expect(lineIdsOn(items, invoice?.id ?? "")).toEqual(await storedLineIds(failed.invoiceId));
  });

  it("resumes after an item or the finalize went through but the answer was lost", async () => {
    const { stripe, control } = unreliableStripe(f.fake.port);
    control.forgetKeys = true; // every retry is as if a day later
    control.breakages.push({ method: "POST", path: /^\/v1\/invoiceitems$/, nth: 2, when: "after" });
    const first = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.other, lastMonth);
    expect(first.stripeError).toMatch(/^Stripe: /);
    let state = await onStripe(s.w.other);
    expect(state.invoices.map((i) => i.status)).toEqual(["draft"]);
    expect(state.items).toHaveLength(2); // both made it; the second answer was lost

    control.breakages.push({
      method: "POST",
      path: /^\/v1\/invoices\/[^/]+\/finalize$/,
      nth: 1,
      when: "after",
    });
    const second = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.other, lastMonth);
    expect(second.stripeError).toMatch(/^Stripe: /);
    state = await onStripe(s.w.other);
    expect(state.invoices.map((i) => i.status)).toEqual(["open"]);

    const third = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.other, lastMonth);
    expect(third).toEqual({ invoiceId: first.invoiceId, status: "open", stripeError: null });
    state = await onStripe(s.w.other);
    expect(state.invoices).toHaveLength(1);
    expect(state.items).toHaveLength(2);
    expect(state.invoices[0]?.lines.data.map((l) => l.amount)).toEqual([4900, 1020]);
    const [row] = await s.t.admin<{ status: string; hosted_invoice_url: string | null }[]>`
      select status, hosted_invoice_url from client_invoices where id = ${first.invoiceId}`;
    expect(row?.status).toBe("open");
    expect(row?.hosted_invoice_url).toMatch(/^https:/);
  });

  it("finds a draft whose id was never stored by its metadata instead of making another", async () => {
    const { stripe, control } = unreliableStripe(f.fake.port);
    control.forgetKeys = true;
    control.breakages.push({ method: "POST", path: /^\/v1\/invoices$/, nth: 1, when: "after" });
    const first = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.other, twoMonthsAgo);
    expect(first.stripeError).toMatch(/^Stripe: /);
    const [row] = await s.t.admin<{ stripe_invoice_id: string | null }[]>`
      select stripe_invoice_id from client_invoices where id = ${first.invoiceId}`;
    expect(row?.stripe_invoice_id).toBeNull();

    const again = await invoiceClient(s.t.app, stripe, s.w.alpha, s.w.other, twoMonthsAgo);
    expect(again.status).toBe("open");
    const { invoices } = await onStripe(s.w.other);
    const forMonth = invoices.filter((i) => i.metadata?.omnify_invoice_id === first.invoiceId);
    expect(forMonth).toHaveLength(1);
    expect(forMonth[0]?.lines.data.map((l) => l.amount)).toEqual([4900]); // no usage that month
  });

  it("leaves a stray pending item on the customer off the client's invoice", async () => {
    const { customer } = await onStripe(s.w.client);
    const stray = await f.stripe.invoiceItems.create(
      { customer, amount: 777, currency: "usd", description: "left over from elsewhere" },
      on(),
    );
    const sent = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, twoMonthsAgo);
    expect(sent.status).toBe("open");
    const { invoices } = await onStripe(s.w.client);
    const invoice = invoices.find((i) => i.metadata?.omnify_invoice_id === sent.invoiceId);
    expect(invoice?.lines.data.map((l) => l.amount)).toEqual([4900]);
    expect(invoice?.total).toBe(4900);
    const after = await f.stripe.invoiceItems.retrieve(stray.id, {}, on());
    expect(after.invoice).toBeNull(); // still pending, on no invoice
  });
});

describe("currencies", () => {
  it("refuses zero- and three-decimal currencies naming `currency`, and changes nothing", async () => {
    const before = await s.t.app.withTenant(s.w.alpha, (tx) => listClientPlans(tx, s.alpha));
    for (const currency of ["jpy", "KRW", "vnd", "kwd", "bhd", "isk", "xyz"]) {
      const input = { name: `P ${currency}`, currency, baseFeeCents: 1000, markupPercent: 0 };
      const created = await domainFailure(
        s.t.app.withTenant(s.w.alpha, (tx) =>
          createClientPlan(tx, s.alpha, { ...input, meters: [] }),
        ),
      );
      expect(created, currency).toMatchObject({ code: "BAD_INPUT", field: "currency" });
      expect(created.message).toContain(currency.toUpperCase());
      const updated = await domainFailure(
        s.t.app.withTenant(s.w.alpha, (tx) =>
          updateClientPlan(tx, s.alpha, planId, { ...input, meters: [] }),
        ),
      );
      expect(updated, currency).toMatchObject({ code: "BAD_INPUT", field: "currency" });
    }
    expect(await s.t.app.withTenant(s.w.alpha, (tx) => listClientPlans(tx, s.alpha))).toEqual(
      before,
    );
    const [n] = await s.t
      .admin`select count(*)::int as n from client_plans where currency <> 'usd'`;
    expect(n?.n).toBe(0);
  });

  it("takes two-decimal currencies", async () => {
    const plan = await s.t.app.withTenant(s.w.alpha, (tx) =>
      createClientPlan(tx, s.alpha, {
        name: "Euro",
        currency: "EUR",
        baseFeeCents: 1000,
        markupPercent: 0,
        meters: [],
      }),
    );
    expect(plan.currency).toBe("eur");
  });

  it("does not send a plan stored in a zero-decimal currency to Stripe", async () => {
    // Invoices price with the plan as it was during the month: the stored period's snapshot.
    const threeMonthsAgo = month(3);
    await s.t.admin`update client_plan_periods
      set plan = jsonb_set(plan, '{currency}', '"jpy"'), effective_from = ${threeMonthsAgo.start}
      where subaccount_id = ${s.w.client}`;
    const r = await invoiceClient(s.t.app, f.stripe, s.w.alpha, s.w.client, threeMonthsAgo);
    expect(r.status).toBe("draft");
    expect(r.stripeError).toMatch(/^currency: JPY has no cents/);
    const { invoices } = await onStripe(s.w.client);
    expect(invoices.some((i) => i.metadata?.omnify_invoice_id === r.invoiceId)).toBe(false);
  });
});
