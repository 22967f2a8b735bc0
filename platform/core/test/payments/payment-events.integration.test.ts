import { signPaystackPayload } from "@omnify/fake-paystack";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createPaymentsService,
  ingestPaystackWebhook,
  processPaystackEvent,
} from "../../src/payments";
import { deliver, setupFakeStripe } from "../billing/fake";
import { setupWorld } from "../helpers";
import { insertCatalogVersion } from "../plugin-catalog";
import { objectOf } from "./objects";
import { PAYSTACK_KEY, setupFakePaystack } from "./paystack";

const s = setupWorld();
const f = setupFakeStripe();
const p = setupFakePaystack();
const service = () =>
  createPaymentsService({ db: s.t.app, stripe: f.stripe, paystack: p.paystack });
const CAPS = {
  payments: { providers: ["stripe", "paystack"] },
  events: { subscribe: ["payments.succeeded", "payments.refunded"] },
};

beforeAll(async () => {
  await insertCatalogVersion(s.t.admin, {
    pluginId: "billboards",
    version: "1.0.0",
    capabilities: CAPS,
    handlers: { procedures: [], events: ["payments.succeeded", "payments.refunded"], jobs: [] },
  });
  await s.t
    .admin`insert into plugin_installations (tenant_id, plugin_id, version, status, consented_capabilities)
    values (${s.w.alpha}, 'billboards', '1.0.0', 'enabled', ${s.t.admin.json(CAPS)})`;
});
beforeEach(async () => {
  await s.t.admin`delete from plugin_events`;
});

const outbox = () =>
  s.t.admin<
    { tenant_id: string; type: string; payload: Record<string, unknown>; source: string }[]
  >`
    select tenant_id, type, payload, source from plugin_events order by created_at`;

const checkoutInput = (provider: "stripe" | "paystack", destination: string, key: string) => ({
  provider,
  amount: 10_000,
  currency: provider === "stripe" ? "usd" : "ngn",
  destination,
  applicationFeeAmount: 2_000,
  description: "Booking",
  reference: `booking-${key}`,
  successUrl: "http://alpha.localhost:3000/ok",
  cancelUrl: "http://alpha.localhost:3000/no",
  idempotencyKey: key,
  customerEmail: "buyer@adverts.test",
});

async function stripeAccount(tenantId = s.w.alpha) {
  const { accountId } = await service().createConnectedAccount(
    { tenantId, pluginId: "billboards" },
    {
      provider: "stripe",
      email: "o@screens.test",
      country: "US",
      returnUrl: "http://alpha.localhost:3000/r",
      refreshUrl: "http://alpha.localhost:3000/r",
    },
  );
  await f.fake.completeOnboarding(accountId);
  return accountId;
}

describe("Stripe payment webhooks → plugin events", () => {
  it("a paid checkout becomes one payments.succeeded in the plugin's outbox, however often delivered", async () => {
    const account = await stripeAccount();
    const origin = { tenantId: s.w.alpha, pluginId: "billboards" };
    const checkout = await service().createCheckout(origin, checkoutInput("stripe", account, "s1"));
    const events = await f.fake.completeCheckout(checkout.checkoutId);
    const completed = events.filter((e) => e.type === "checkout.session.completed");
    const outcomes = await deliver(s.t.app, f.stripe, [...events, ...completed]);
    expect(outcomes).toContain("payments.succeeded for billboards");
    expect(outcomes.at(-1)).toBe("already processed");
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    const session = objectOf(completed[0]);
    expect(rows[0]).toEqual({
      tenant_id: s.w.alpha,
      type: "payments.succeeded",
      source: "payments:billboards",
      payload: {
        provider: "stripe",
        reference: "booking-s1",
        checkoutId: checkout.checkoutId,
        paymentId: session.payment_intent,
        amount: 10_000,
        currency: "usd",
        applicationFeeAmount: 2_000,
        destination: account,
      },
    });
  });

  it("a refund becomes one payments.refunded with its id and amount", async () => {
    const account = await stripeAccount();
    const origin = { tenantId: s.w.alpha, pluginId: "billboards" };
    const checkout = await service().createCheckout(origin, checkoutInput("stripe", account, "s2"));
    const paid = await f.fake.completeCheckout(checkout.checkoutId);
    const paymentId = String(objectOf(paid[0]).payment_intent);
    await s.t.admin`delete from plugin_events`;
    const before = f.fake.state.events.length;
    const refund = await service().refund(origin, {
      provider: "stripe",
      paymentId,
      amount: 4_000,
      reverseTransfer: true,
      refundApplicationFee: true,
      idempotencyKey: "r1",
    });
    const caused = f.fake.state.events.slice(before);
    expect(caused.map((e) => e.type)).toEqual(["charge.refunded", "refund.created"]);
    await deliver(s.t.app, f.stripe, [...caused, ...caused]);
    const rows = await outbox();
    expect(rows.map((r) => [r.type, r.payload])).toEqual([
      [
        "payments.refunded",
        {
          provider: "stripe",
          reference: "booking-s2",
          paymentId,
          refundId: refund.refundId,
          amount: 4_000,
        },
      ],
    ]);
  });

  it("emits nothing for a tenant where the plugin is not enabled", async () => {
    const account = await stripeAccount(s.w.beta);
    const checkout = await service().createCheckout(
      { tenantId: s.w.beta, pluginId: "billboards" },
      checkoutInput("stripe", account, "s3"),
    );
    const events = await f.fake.completeCheckout(checkout.checkoutId);
    const outcomes = await deliver(s.t.app, f.stripe, events);
    expect(outcomes).toContain("billboards is not enabled in the tenant");
    expect(await outbox()).toEqual([]);
  });
});

describe("Paystack webhooks → plugin events", () => {
  const deliverPaystack = async (event: unknown, key = PAYSTACK_KEY) => {
    const rawBody = JSON.stringify(event);
    const stored = await ingestPaystackWebhook(s.t.app, {
      rawBody,
      signature: signPaystackPayload(rawBody, key),
      secretKey: PAYSTACK_KEY,
    });
    return { ...stored, outcome: await processPaystackEvent(s.t.app, stored.eventId) };
  };
  const stored = async () =>
    (await s.t.admin<{ id: string }[]>`select id from paystack_events order by id`).map(
      (r) => r.id,
    );

  async function paidCheckout(key: string) {
    const { subaccountCode } = await service().createSubaccount(
      { tenantId: s.w.alpha, pluginId: "billboards" },
      {
        provider: "paystack",
        businessName: "Screens NG",
        settlementBank: "058",
        accountNumber: "0123456789",
        percentageCharge: 20,
      },
    );
    const checkout = await service().createCheckout(
      { tenantId: s.w.alpha, pluginId: "billboards" },
      checkoutInput("paystack", subaccountCode, key),
    );
    const [charge] = await p.fake.pay(checkout.checkoutId);
    return { checkout, charge, subaccountCode };
  }

  it("rejects a forged signature and stores nothing", async () => {
    const { charge } = await paidCheckout("p0");
    const before = await stored();
    await expect(deliverPaystack(charge, "sk_test_forger")).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      field: "x-paystack-signature",
    });
    expect(await stored()).toEqual(before);
    expect(await outbox()).toEqual([]);
  });

  it("charge.success delivered twice gives one payments.succeeded; refund.processed one payments.refunded", async () => {
    const { checkout, charge, subaccountCode } = await paidCheckout("p1");
    const first = await deliverPaystack(charge);
    const replay = await deliverPaystack(charge);
    expect(first).toMatchObject({ duplicate: false, outcome: "payments.succeeded for billboards" });
    expect(replay).toMatchObject({ duplicate: true, outcome: "already processed" });
    const before = p.fake.events().length;
    const refund = await service().refund(
      { tenantId: s.w.alpha, pluginId: "billboards" },
      {
        provider: "paystack",
        paymentId: checkout.checkoutId,
        amount: 2_500,
        reverseTransfer: true,
        refundApplicationFee: true,
        idempotencyKey: "r1",
      },
    );
    const [processed] = p.fake.events().slice(before);
    expect(processed?.event).toBe("refund.processed");
    await deliverPaystack(processed);
    await deliverPaystack(processed);
    const rows = await outbox();
    expect(rows.map((r) => [r.type, r.source, r.payload])).toEqual([
      [
        "payments.succeeded",
        "payments:billboards",
        {
          provider: "paystack",
          reference: "booking-p1",
          checkoutId: checkout.checkoutId,
          paymentId: checkout.checkoutId,
          amount: 10_000,
          currency: "ngn",
          applicationFeeAmount: 2_000,
          destination: subaccountCode,
        },
      ],
      [
        "payments.refunded",
        "payments:billboards",
        {
          provider: "paystack",
          reference: "booking-p1",
          paymentId: checkout.checkoutId,
          refundId: refund.refundId,
          amount: 2_500,
        },
      ],
    ]);
  });

  it("a refund that arrives before its charge is kept and processed on redelivery", async () => {
    const { checkout, charge } = await paidCheckout("p2");
    const before = p.fake.events().length;
    await service().refund(
      { tenantId: s.w.alpha, pluginId: "billboards" },
      {
        provider: "paystack",
        paymentId: checkout.checkoutId,
        amount: 1_000,
        reverseTransfer: true,
        refundApplicationFee: true,
        idempotencyKey: "early",
      },
    );
    const [processed] = p.fake.events().slice(before);
    await expect(deliverPaystack(processed)).rejects.toThrow(/charge is not stored yet/);
    await deliverPaystack(charge);
    expect((await deliverPaystack(processed)).outcome).toBe("payments.refunded for billboards");
    expect((await outbox()).map((r) => r.type)).toEqual([
      "payments.succeeded",
      "payments.refunded",
    ]);
  });
});
