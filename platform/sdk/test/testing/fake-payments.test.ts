import { describe, expect, it } from "vitest";
import { createFakePayments } from "../../src/testing/fake-payments.ts";

const A = { tenantId: "tenant-a", pluginId: "billboards" };
const B = { tenantId: "tenant-b", pluginId: "billboards" };

async function paidCheckout(f: ReturnType<typeof createFakePayments>, key = "checkout:1") {
  const { accountId } = await f.sink["payments.createConnectedAccount"](A, {
    provider: "stripe",
    email: "o@x.test",
    country: "US",
    returnUrl: "https://a.test/r",
    refreshUrl: "https://a.test/r",
  });
  const checkout = await f.sink["payments.createCheckout"](A, {
    provider: "stripe",
    amount: 10_000,
    currency: "usd",
    destination: accountId,
    applicationFeeAmount: 2_000,
    description: "Booking",
    reference: "b-1",
    successUrl: "https://a.test/ok",
    cancelUrl: "https://a.test/no",
    idempotencyKey: key,
  });
  const { event } = f.pay(checkout.checkoutId);
  return { accountId, checkout, event };
}

describe("runPlugin's in-memory payment provider", () => {
  it("splits a payment, refunds in proportion once per key, and pays out no more than the balance", async () => {
    const f = createFakePayments();
    const { accountId, event } = await paidCheckout(f);
    expect(event).toMatchObject({ amount: 10_000, applicationFeeAmount: 2_000, reference: "b-1" });
    expect(f.balance(accountId, "usd")).toBe(8_000);
    const refund = {
      provider: "stripe" as const,
      paymentId: event.paymentId,
      amount: 2_500,
      reverseTransfer: true,
      refundApplicationFee: true,
      idempotencyKey: "refund:1",
    };
    const first = await f.sink["payments.refund"](A, refund);
    expect(await f.sink["payments.refund"](A, refund)).toEqual(first);
    expect(first).toMatchObject({ amount: 2_500, applicationFeeRefunded: 500 });
    expect(first.transferReversalId).toMatch(/^trr_/);
    expect(f.balance(accountId, "usd")).toBe(6_000);
    expect(f.takeRefundEvents().map((r) => r.event.amount)).toEqual([2_500]);
    const payout = (amount: number, key: string) =>
      f.sink["payments.payout"](A, {
        provider: "stripe",
        accountId,
        amount,
        currency: "usd",
        idempotencyKey: key,
      });
    await payout(6_000, "p1");
    await expect(payout(1, "p2")).rejects.toThrow(/insufficient funds/);
  });

  it("keeps tenants apart: another tenant can neither refund the payment nor use the account", async () => {
    const f = createFakePayments();
    const { accountId, event } = await paidCheckout(f);
    await expect(
      f.sink["payments.refund"](B, {
        provider: "stripe",
        paymentId: event.paymentId,
        amount: 1,
        reverseTransfer: true,
        refundApplicationFee: true,
        idempotencyKey: "x",
      }),
    ).rejects.toThrow(/paymentId/);
    await expect(
      f.sink["payments.getConnectedAccount"](B, { provider: "stripe", accountId }),
    ).rejects.toThrow(/accountId/);
    f.setOnboarded(accountId, false);
    expect(
      await f.sink["payments.getConnectedAccount"](A, { provider: "stripe", accountId }),
    ).toEqual({ accountId, chargesEnabled: false, payoutsEnabled: false });
  });
});
