import { describe, expect, it } from "vitest";
import {
  createCheckoutSession,
  createPortalSession,
  getEntitlements,
  ingestStripeWebhook,
  listInvoices,
  planById,
  processStripeEvent,
} from "../../src/billing";
import { domainFailure, setupWorld } from "../helpers";
import { deliver, setupFakeStripe, signedDelivery, WEBHOOK_SECRET } from "./fake";

const s = setupWorld();
const f = setupFakeStripe();
const urls = {
  successUrl: "http://alpha.omnify.test/settings/billing?ok=1",
  cancelUrl: "http://alpha.omnify.test/settings/billing",
};

const entitlements = (tenantId: string, now?: Date) =>
  s.t.app.withTenant(tenantId, (tx) => getEntitlements(tx, tenantId, now));
const sessionIdOf = (url: string) => url.split("/").pop() ?? "";
const subscriptionRow = async (tenantId: string) =>
  (await s.t.admin`select * from subscriptions where tenant_id = ${tenantId}`)[0];

/** Checkout for `plan` completed by the fake's customer, every event delivered in order. */
async function subscribe(tenantId: string, plan: string) {
  const { url } = await createCheckoutSession(s.t.app, f.stripe, {
    tenantId,
    tenantName: "T",
    plan,
    ...urls,
  });
  const events = await f.fake.completeCheckout(sessionIdOf(url));
  await deliver(s.t.app, f.stripe, events);
  return events;
}

describe("Stripe checkout and webhooks", () => {
  it("checkout returns the fake's URL and the signed completion upgrades the plan", async () => {
    expect((await entitlements(s.w.alpha)).plan).toBe("free");
    const { url } = await createCheckoutSession(s.t.app, f.stripe, {
      tenantId: s.w.alpha,
      tenantName: "Alpha",
      plan: "basic",
      ...urls,
    });
    expect(url).toMatch(new RegExp(`^${f.fake.url}/checkout/cs_`));
    const events = await f.fake.completeCheckout(sessionIdOf(url));
    expect(events.map((e) => e.type)).toEqual([
      "checkout.session.completed",
      "customer.subscription.created",
      "invoice.paid",
    ]);
    await deliver(s.t.app, f.stripe, events);
    const ent = await entitlements(s.w.alpha);
    expect(ent).toMatchObject({ plan: "basic", status: "active", readOnly: false });
    expect(ent.limits).toEqual(planById("basic").limits);
    // A sub-account runs on its agency's plan.
    expect((await entitlements(s.w.client)).plan).toBe("basic");
    const [tenant] = await s.t.admin`select plan from tenants where id = ${s.w.alpha}`;
    expect(tenant?.plan).toBe("basic");
  });

  it("processes a replayed event once", async () => {
    const [event] = f.fake.state.events.filter((e) => e.type === "customer.subscription.created");
    if (!event) throw new Error("no event");
    const again = await ingestStripeWebhook(s.t.app, f.stripe, {
      ...signedDelivery(f.stripe, event),
      webhookSecret: WEBHOOK_SECRET,
    });
    expect(again.duplicate).toBe(true);
    expect(await processStripeEvent(s.t.app, event.id)).toBe("already processed");
    const rows = await s.t
      .admin`select count(*)::int as n from stripe_events where id = ${event.id}`;
    expect(rows[0]?.n).toBe(1);
  });

  it("rejects a forged signature and stores nothing", async () => {
    const before = await s.t.admin`select count(*)::int as n from stripe_events`;
    const event = { ...f.fake.state.events[0], id: "evt_forged" };
    const forged = signedDelivery(f.stripe, event as never, "whsec_not_ours");
    const err = await domainFailure(
      ingestStripeWebhook(s.t.app, f.stripe, { ...forged, webhookSecret: WEBHOOK_SECRET }),
    );
    expect(err.field).toBe("stripe-signature");
    const tampered = signedDelivery(f.stripe, event as never);
    await domainFailure(
      ingestStripeWebhook(s.t.app, f.stripe, {
        rawBody: tampered.rawBody.replace("evt_forged", "evt_other"),
        signature: tampered.signature,
        webhookSecret: WEBHOOK_SECRET,
      }),
    );
    const after = await s.t.admin`select count(*)::int as n from stripe_events`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("ignores an older subscription update that arrives after a newer one", async () => {
    const sub = await subscriptionRow(s.w.alpha);
    const older = await f.stripe.subscriptions.update(sub?.stripe_subscription_id, {
      metadata: { step: "1" },
    });
    expect(older.object).toBe("subscription");
    const item = older.items.data[0];
    await f.stripe.subscriptions.update(older.id, {
      items: [{ id: item?.id, price: "price_omnify_pro_monthly" }],
    });
    const [olderEvent, newerEvent] = f.fake.state.events.slice(-2);
    if (!olderEvent || !newerEvent) throw new Error("no events");
    expect(await deliver(s.t.app, f.stripe, [newerEvent, olderEvent])).toEqual([
      "active on pro",
      "stale",
    ]);
    expect((await entitlements(s.w.alpha)).plan).toBe("pro");
  });

  it("shows a mid-cycle upgrade's proration on the next invoice", async () => {
    const sub = await subscriptionRow(s.w.alpha);
    await f.fake.renew(String(sub?.stripe_subscription_id));
    const [latest] = await listInvoices(s.t.app, f.stripe, s.w.alpha);
    const prorations = latest?.lines.filter((l) => l.proration) ?? [];
    expect(prorations.map((l) => Math.sign(l.amountCents))).toEqual([-1, 1]);
    expect(latest?.lines.at(-1)).toMatchObject({ amountCents: 14_900, proration: false });
    const proratedTotal = prorations.reduce((sum, l) => sum + l.amountCents, 0);
    expect(latest?.totalCents).toBe(14_900 + proratedTotal);
    expect(proratedTotal).toBeGreaterThan(0);
  });

  it("payment failure → past_due → read-only after grace → paid → active", async () => {
    const sub = await subscriptionRow(s.w.alpha);
    const failed = await f.fake.failRenewal(String(sub?.stripe_subscription_id));
    await deliver(s.t.app, f.stripe, failed);
    const pastDue = await entitlements(s.w.alpha);
    expect(pastDue).toMatchObject({ status: "past_due", readOnly: false, plan: "pro" });
    const afterGrace = new Date((pastDue.pastDueSince?.getTime() ?? 0) + 8 * 86_400_000);
    expect((await entitlements(s.w.alpha, afterGrace)).readOnly).toBe(true);
    const invoice = failed.find((e) => e.type === "invoice.payment_failed");
    const paid = await f.fake.payInvoice(
      String((invoice?.data as { object?: { id: string } } | undefined)?.object?.id),
    );
    await deliver(s.t.app, f.stripe, paid);
    expect(await entitlements(s.w.alpha, afterGrace)).toMatchObject({
      status: "active",
      readOnly: false,
      pastDueSince: null,
    });
  });

  it("portal needs a billing account; unknown plans are refused and change nothing", async () => {
    const { url } = await createPortalSession(s.t.app, f.stripe, {
      tenantId: s.w.alpha,
      returnUrl: urls.cancelUrl,
    });
    expect(url).toMatch(/\/portal\/bps_/);
    expect(
      (
        await domainFailure(
          createPortalSession(s.t.app, f.stripe, { tenantId: s.w.beta, returnUrl: urls.cancelUrl }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const before = f.fake.state.customers.size;
    const err = await domainFailure(
      createCheckoutSession(s.t.app, f.stripe, {
        tenantId: s.w.beta,
        tenantName: "Beta",
        plan: "platinum",
        ...urls,
      }),
    );
    expect(err).toMatchObject({ code: "BAD_INPUT", field: "plan" });
    expect(err.message).toContain("platinum");
    expect(f.fake.state.customers.size).toBe(before);
    expect(
      (
        await s.t
          .admin`select count(*)::int as n from billing_customers where tenant_id = ${s.w.beta}`
      )[0]?.n,
    ).toBe(0);
    // Enterprise is not sold through Checkout.
    expect(
      (
        await domainFailure(
          createCheckoutSession(s.t.app, f.stripe, {
            tenantId: s.w.beta,
            tenantName: "Beta",
            plan: "enterprise",
            ...urls,
          }),
        )
      ).field,
    ).toBe("plan");
    await subscribe(s.w.beta, "basic");
    expect((await entitlements(s.w.beta)).plan).toBe("basic");
  });
  it("an existing subscriber's checkout changes the plan in place, prorated", async () => {
    const sessions = f.fake.state.checkoutSessions.size;
    const input = { tenantId: s.w.beta, tenantName: "Beta", ...urls };
    const { url } = await createCheckoutSession(s.t.app, f.stripe, { ...input, plan: "pro" });
    expect(url).toBe(urls.successUrl);
    expect(f.fake.state.checkoutSessions.size).toBe(sessions);
    const [updated] = f.fake.state.events.slice(-1);
    expect(updated?.type).toBe("customer.subscription.updated");
    await deliver(s.t.app, f.stripe, updated ? [updated] : []);
    expect((await entitlements(s.w.beta)).plan).toBe("pro");
    const customer = (
      await s.t
        .admin`select stripe_customer_id as id from billing_customers where tenant_id = ${s.w.beta}`
    )[0];
    expect(f.fake.state.pendingLines.get(String(customer?.id))?.map((l) => l.proration)).toEqual([
      true,
      true,
    ]);
    const again = await domainFailure(
      createCheckoutSession(s.t.app, f.stripe, { ...input, plan: "pro" }),
    );
    expect(again).toMatchObject({ code: "BAD_INPUT", field: "plan" });
  });
});
