import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors";
import { createPaymentsService } from "../../src/payments";
import { setupFakeStripe } from "../billing/fake";
import { setupWorld } from "../helpers";
import { objectOf } from "./objects";

const s = setupWorld();
const f = setupFakeStripe();
const service = () => createPaymentsService({ db: s.t.app, stripe: f.stripe });
const origin = () => ({ tenantId: s.w.alpha, pluginId: "billboards" });

/** A connected account that finished the fake's onboarding. */
async function onboardedAccount(o = origin()) {
  const { accountId, onboardingUrl } = await service().createConnectedAccount(o, {
    provider: "stripe",
    email: "owner@screens.test",
    country: "US",
    returnUrl: "http://alpha.localhost:3000/p/billboards/done",
    refreshUrl: "http://alpha.localhost:3000/p/billboards/again",
  });
  expect(onboardingUrl).toContain(`/connect/onboarding/${accountId}`);
  expect((await service().getConnectedAccount(o, { accountId })).chargesEnabled).toBe(false);
  await f.fake.completeOnboarding(accountId);
  expect(await service().getConnectedAccount(o, { accountId })).toEqual({
    accountId,
    chargesEnabled: true,
    payoutsEnabled: true,
  });
  return accountId;
}

const checkoutInput = (destination: string, key: string) => ({
  provider: "stripe" as const,
  amount: 10_000,
  currency: "usd",
  destination,
  applicationFeeAmount: 2_000,
  description: "Booking: 40 spots on Lagos Mall screen",
  reference: `booking-${key}`,
  successUrl: "http://alpha.localhost:3000/p/billboards/paid",
  cancelUrl: "http://alpha.localhost:3000/p/billboards/cancelled",
  idempotencyKey: key,
});

/** The buyer pays on the fake's Checkout page; returns the PaymentIntent id. */
async function pay(checkoutId: string): Promise<string> {
  const [completed] = await f.fake.completeCheckout(checkoutId);
  const session = objectOf(completed);
  return String(session.payment_intent);
}

describe("Stripe Connect destination charges", () => {
  it("splits a payment 20% to the platform and 80% to the owner's connected account", async () => {
    const account = await onboardedAccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(account, "split"));
    expect(checkout.provider).toBe("stripe");
    expect(checkout.url).toContain(`/checkout/${checkout.checkoutId}`);
    const intentId = await pay(checkout.checkoutId);
    const intent = await f.stripe.paymentIntents.retrieve(intentId);
    expect(intent.application_fee_amount).toBe(2_000);
    expect(intent.transfer_data?.destination).toBe(account);
    expect(intent.metadata).toMatchObject({
      omnify_tenant: s.w.alpha,
      omnify_plugin: "billboards",
      omnify_reference: "booking-split",
    });
    const charge = await f.stripe.charges.retrieve(String(intent.latest_charge));
    const transfer = await f.stripe.transfers.retrieve(String(charge.transfer));
    expect(transfer.amount).toBe(8_000);
    expect(transfer.destination).toBe(account);
    expect((await f.stripe.applicationFees.retrieve(String(charge.application_fee))).amount).toBe(
      2_000,
    );
    expect(f.fake.balance(account, "usd")).toBe(8_000);
  });

  it("refuses a destination that has not finished onboarding, naming the parameter", async () => {
    const { accountId } = await service().createConnectedAccount(origin(), {
      provider: "stripe",
      email: "new@screens.test",
      country: "US",
      returnUrl: "http://alpha.localhost:3000/r",
      refreshUrl: "http://alpha.localhost:3000/r",
    });
    const failure = await service()
      .createCheckout(origin(), checkoutInput(accountId, "not-onboarded"))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).field).toBe("payment_intent_data[transfer_data][destination]");
  });

  it("a retried checkout with the same idempotency key opens one session; other tenants do not collide", async () => {
    const account = await onboardedAccount();
    const before = f.fake.state.checkoutSessions.size;
    const first = await service().createCheckout(origin(), checkoutInput(account, "retry"));
    const again = await service().createCheckout(origin(), checkoutInput(account, "retry"));
    expect(again).toEqual(first);
    expect(f.fake.state.checkoutSessions.size).toBe(before + 1);
    const betaOrigin = { tenantId: s.w.beta, pluginId: "billboards" };
    const beta = await service().createCheckout(
      betaOrigin,
      checkoutInput(await onboardedAccount(betaOrigin), "retry"),
    );
    expect(beta.checkoutId).not.toBe(first.checkoutId);
  });

  it("a checkout asked to expire refuses payment after that instant, and is never shorter than Stripe's 30 minutes", async () => {
    const account = await onboardedAccount();
    // Five minutes is below Stripe's minimum: the session gets the minimum (and says so).
    const short = await service().createCheckout(origin(), {
      ...checkoutInput(account, "short"),
      expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    });
    const minutes = (Date.parse(String(short.expiresAt)) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(30);
    expect(minutes).toBeLessThanOrEqual(31);
    // Paid in time, it goes through.
    await pay(short.checkoutId);
    expect(f.fake.balance(account, "usd")).toBe(8_000);

    const skew = f.fake.state.now() - Math.floor(Date.now() / 1000);
    const wanted = new Date(Date.now() + (45 * 60 + skew) * 1000).toISOString();
    const checkout = await service().createCheckout(origin(), {
      ...checkoutInput(account, "expiring"),
      expiresAt: wanted,
    });
    const session = await f.stripe.checkout.sessions.retrieve(checkout.checkoutId);
    expect(session.expires_at).toBe(Math.floor(Date.parse(wanted) / 1000));
    expect(checkout.expiresAt).toBe(new Date(session.expires_at * 1000).toISOString());
    f.fake.advance(45 * 60);
    const late = await Promise.resolve()
      .then(() => f.fake.completeCheckout(checkout.checkoutId))
      .catch((e: unknown) => e);
    expect(late).toMatchObject({
      status: 400,
      type: "invalid_request_error",
      message: expect.stringMatching(/no longer active/),
    });
    expect((await f.stripe.checkout.sessions.retrieve(checkout.checkoutId)).status).toBe("expired");
    expect(f.fake.balance(account, "usd")).toBe(8_000);
  });

  it("a partial refund reverses the transfer and refunds the fee in proportion, once", async () => {
    const account = await onboardedAccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(account, "refund"));
    const paymentId = await pay(checkout.checkoutId);
    const input = {
      provider: "stripe" as const,
      paymentId,
      amount: 2_500,
      reverseTransfer: true,
      refundApplicationFee: true,
      idempotencyKey: "cancel-refund",
    };
    const refund = await service().refund(origin(), input);
    expect(refund).toMatchObject({ amount: 2_500, applicationFeeRefunded: 500 });
    expect(refund.transferReversalId).toMatch(/^trr_/);
    const again = await service().refund(origin(), input);
    expect(again).toEqual(refund);
    const intent = await f.stripe.paymentIntents.retrieve(paymentId);
    const charge = await f.stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge.amount_refunded).toBe(2_500);
    const transfer = await f.stripe.transfers.retrieve(String(charge.transfer));
    expect(transfer.amount_reversed).toBe(2_000);
    const fee = await f.stripe.applicationFees.retrieve(String(charge.application_fee));
    expect(fee.amount_refunded).toBe(500);
    expect(f.fake.balance(account, "usd")).toBe(6_000);
    const refundObject = await f.stripe.refunds.retrieve(refund.refundId);
    expect(refundObject.metadata).toMatchObject({ omnify_reference: "booking-refund" });
  });

  it("keeps connected accounts to the tenant and plugin that created them", async () => {
    const account = await onboardedAccount();
    const beta = { tenantId: s.w.beta, pluginId: "billboards" };
    const otherPlugin = { tenantId: s.w.alpha, pluginId: "other" };
    for (const o of [beta, otherPlugin]) {
      await expect(service().getConnectedAccount(o, { accountId: account })).rejects.toMatchObject({
        code: "NOT_FOUND",
        field: "accountId",
      });
      await expect(
        service().createCheckout(o, checkoutInput(account, "not-mine")),
      ).rejects.toMatchObject({ code: "NOT_FOUND", field: "destination" });
      await expect(
        service().payout(o, {
          provider: "stripe",
          accountId: account,
          amount: 1,
          currency: "usd",
          idempotencyKey: "not-mine",
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND", field: "accountId" });
    }
  });

  it("refuses to refund another tenant's payment", async () => {
    const account = await onboardedAccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(account, "theirs"));
    const paymentId = await pay(checkout.checkoutId);
    const failure = await service()
      .refund(
        { tenantId: s.w.beta, pluginId: "billboards" },
        {
          provider: "stripe",
          paymentId,
          amount: 100,
          reverseTransfer: true,
          refundApplicationFee: true,
          idempotencyKey: "steal",
        },
      )
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "NOT_FOUND", field: "paymentId" });
    const intent = await f.stripe.paymentIntents.retrieve(paymentId);
    const charge = await f.stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge.amount_refunded).toBe(0);
  });

  it("pays out from the connected account's balance, and no further", async () => {
    const account = await onboardedAccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(account, "payout"));
    await pay(checkout.checkoutId);
    const payout = (amount: number, key: string) =>
      service().payout(origin(), {
        provider: "stripe",
        accountId: account,
        amount,
        currency: "usd",
        idempotencyKey: key,
      });
    const first = await payout(6_000, "week-1");
    expect(first.payoutId).toMatch(/^po_/);
    expect(await payout(6_000, "week-1")).toEqual(first);
    expect(f.fake.balance(account, "usd")).toBe(2_000);
    const failure = await payout(2_001, "week-2").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).message).toMatch(/insufficient funds/);
    expect(f.fake.balance(account, "usd")).toBe(2_000);
    expect(f.fake.ownerOf(first.payoutId)).toBe(account);
  });

  it("names the field of bad money input before calling Stripe", async () => {
    const failure = await service()
      .createCheckout(origin(), { ...checkoutInput("acct_x", "bad"), applicationFeeAmount: 10_000 })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "BAD_INPUT", field: "applicationFeeAmount" });
  });
});
