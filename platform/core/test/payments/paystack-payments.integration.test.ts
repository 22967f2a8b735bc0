import { describe, expect, it } from "vitest";
import { createPaymentsService } from "../../src/payments";
import { setupWorld } from "../helpers";
import { setupFakePaystack } from "./paystack";

const s = setupWorld();
const p = setupFakePaystack();
const service = () => createPaymentsService({ db: s.t.app, paystack: p.paystack });
const origin = () => ({ tenantId: s.w.alpha, pluginId: "billboards" });

async function subaccount() {
  const { subaccountCode } = await service().createSubaccount(origin(), {
    provider: "paystack",
    businessName: "Ikeja Screens Ltd",
    settlementBank: "058",
    accountNumber: "0123456789",
    percentageCharge: 20,
  });
  expect(subaccountCode).toMatch(/^ACCT_/);
  return subaccountCode;
}

const checkoutInput = (destination: string, key: string) => ({
  provider: "paystack" as const,
  amount: 500_000,
  currency: "NGN",
  destination,
  applicationFeeAmount: 100_000,
  description: "Booking: 20 spots on Ikeja screen",
  reference: `booking-${key}`,
  successUrl: "http://alpha.localhost:3000/p/billboards/paid",
  cancelUrl: "http://alpha.localhost:3000/p/billboards/cancelled",
  idempotencyKey: key,
  customerEmail: "buyer@adverts.test",
});

describe("Paystack split payments", () => {
  it("splits through the subaccount: the platform keeps transaction_charge, the owner the rest", async () => {
    const sub = await subaccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(sub, "split"));
    expect(checkout.provider).toBe("paystack");
    expect(checkout.url).toContain(`${p.fake.url}/pay/`);
    const again = await service().createCheckout(origin(), checkoutInput(sub, "split"));
    expect(again).toEqual(checkout);
    const [paid] = await p.fake.pay(checkout.checkoutId);
    expect(paid?.event).toBe("charge.success");
    expect(paid?.data.metadata).toMatchObject({
      omnify_tenant: s.w.alpha,
      omnify_plugin: "billboards",
      omnify_reference: "booking-split",
      omnify_application_fee: "100000",
    });
    expect(p.fake.settled(sub)).toBe(400_000);
    expect(p.fake.settled("")).toBe(100_000);
    const verified = await p.paystack.verifyTransaction(checkout.checkoutId);
    expect(verified).toMatchObject({ status: "success", amount: 500_000 });
  });

  it("concurrent checkouts with one idempotency key open one Paystack transaction", async () => {
    const sub = await subaccount();
    const before = p.fake.state.transactions.size;
    const all = await Promise.all(
      Array.from({ length: 5 }, () =>
        service().createCheckout(origin(), checkoutInput(sub, "race")),
      ),
    );
    expect(new Set(all.map((c) => c.checkoutId)).size).toBe(1);
    expect(p.fake.state.transactions.size).toBe(before + 1);
  });

  it("a partial refund unwinds the split in proportion, and a retry does not refund twice", async () => {
    const sub = await subaccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(sub, "refund"));
    await p.fake.pay(checkout.checkoutId);
    const platformBefore = p.fake.settled("");
    const input = {
      provider: "paystack" as const,
      paymentId: checkout.checkoutId,
      amount: 125_000,
      reverseTransfer: true,
      refundApplicationFee: true,
      idempotencyKey: "cancel-1",
    };
    const refund = await service().refund(origin(), input);
    expect(refund).toMatchObject({
      amount: 125_000,
      applicationFeeRefunded: 25_000,
      transferReversalId: null,
    });
    expect(await service().refund(origin(), input)).toEqual(refund);
    const concurrent = await Promise.all(
      Array.from({ length: 4 }, () =>
        service().refund(origin(), { ...input, idempotencyKey: "double-click" }),
      ),
    );
    expect(new Set(concurrent.map((r) => r.refundId)).size).toBe(1);
    expect(await p.paystack.listRefunds(checkout.checkoutId)).toHaveLength(2);
    expect(p.fake.settled(sub)).toBe(400_000 - 2 * 100_000);
    expect(p.fake.settled("")).toBe(platformBefore - 2 * 25_000);
  });

  it("refuses a refund of more than is left, and another tenant's payment", async () => {
    const sub = await subaccount();
    const checkout = await service().createCheckout(origin(), checkoutInput(sub, "limits"));
    await p.fake.pay(checkout.checkoutId);
    const refund = (amount: number, key: string, tenantId = s.w.alpha) =>
      service().refund(
        { tenantId, pluginId: "billboards" },
        {
          provider: "paystack",
          paymentId: checkout.checkoutId,
          amount,
          reverseTransfer: true,
          refundApplicationFee: true,
          idempotencyKey: key,
        },
      );
    await expect(refund(500_001, "too-much")).rejects.toThrow(/more than the unrefunded amount/);
    await expect(refund(100, "theirs", s.w.beta)).rejects.toMatchObject({
      code: "NOT_FOUND",
      field: "paymentId",
    });
    expect(await p.paystack.listRefunds(checkout.checkoutId)).toEqual([]);
  });

  it("pays only into a subaccount this tenant's plugin created", async () => {
    const sub = await subaccount();
    await expect(
      service().createCheckout(
        { tenantId: s.w.beta, pluginId: "billboards" },
        checkoutInput(sub, "not-mine"),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND", field: "destination" });
  });

  it("needs the payer's e-mail and a subaccount code, naming the field", async () => {
    const { customerEmail, ...noEmail } = checkoutInput("ACCT_x", "email");
    await expect(service().createCheckout(origin(), noEmail)).rejects.toMatchObject({
      field: "customerEmail",
    });
    await expect(
      service().createCheckout(origin(), checkoutInput("acct_stripe", "dest")),
    ).rejects.toMatchObject({ field: "destination" });
  });
});
