import type { PaymentBridgeMethods, PluginDescriptor } from "@omnify/plugin-sdk";
import { describe, expect, it } from "vitest";
import { createHostApi, type PaymentsSink } from "../src/index.ts";

const ctx = (capabilities: PluginDescriptor["capabilities"] = {}) => ({
  tenantId: "tenant-from-the-host",
  pluginId: "billboards",
  version: "1.0.0",
  manifest: {
    id: "billboards",
    version: "1.0.0",
    hostApi: "^1.0.0",
    name: "Billboards",
    description: "",
    capabilities,
    settingsForm: [],
    handlers: { procedures: [], events: [], jobs: [] },
  } satisfies PluginDescriptor,
});

function recordingPayments() {
  const calls: { method: string; origin: unknown; args: unknown }[] = [];
  const record =
    <M extends keyof PaymentBridgeMethods>(method: M, result: PaymentBridgeMethods[M]["result"]) =>
    async (origin: unknown, args: unknown) => {
      calls.push({ method, origin, args });
      return result;
    };
  const sink: PaymentsSink = {
    "payments.createConnectedAccount": record("payments.createConnectedAccount", {
      accountId: "acct_1",
      onboardingUrl: "https://x.test",
    }),
    "payments.getConnectedAccount": record("payments.getConnectedAccount", {
      accountId: "acct_1",
      chargesEnabled: true,
      payoutsEnabled: true,
    }),
    "payments.createSubaccount": record("payments.createSubaccount", { subaccountCode: "ACCT_1" }),
    "payments.createCheckout": record("payments.createCheckout", {
      provider: "stripe",
      checkoutId: "cs_1",
      url: "https://x.test/cs_1",
    }),
    "payments.refund": record("payments.refund", {
      refundId: "re_1",
      amount: 1,
      transferReversalId: null,
      applicationFeeRefunded: 0,
    }),
    "payments.payout": record("payments.payout", { payoutId: "po_1" }),
  };
  return { sink, calls };
}

const checkout = {
  provider: "stripe",
  amount: 10_000,
  currency: "usd",
  destination: "acct_owner",
  applicationFeeAmount: 2_000,
  description: "Booking",
  reference: "b-1",
  successUrl: "https://alpha.test/ok",
  cancelUrl: "https://alpha.test/no",
  idempotencyKey: "checkout:b-1",
};

describe("ctx.payments on the host", () => {
  it("refuses a provider the manifest does not declare, before the sink sees it", async () => {
    const { sink, calls } = recordingPayments();
    const api = createHostApi({ sinks: { payments: sink } });
    await expect(api(ctx({}), "payments.createCheckout", checkout)).rejects.toMatchObject({
      code: "capability",
      message: expect.stringContaining("capabilities.payments.providers"),
    });
    await expect(
      api(ctx({ payments: { providers: ["paystack"] } }), "payments.createCheckout", checkout),
    ).rejects.toMatchObject({ code: "capability" });
    expect(calls).toEqual([]);
  });

  it("validates arguments on the host, naming the field", async () => {
    const { sink, calls } = recordingPayments();
    const api = createHostApi({ sinks: { payments: sink } });
    const c = ctx({ payments: { providers: ["stripe"] } });
    for (const [bad, field] of [
      [{ ...checkout, amount: 12.5 }, "amount"],
      [{ ...checkout, destination: "someone-else" }, "destination"],
      [{ ...checkout, successUrl: "javascript:alert(1)" }, "successUrl"],
      [{ ...checkout, tenantId: "another-tenant" }, "tenantId"],
      [{ ...checkout, expiresAt: "in half an hour" }, "expiresAt"],
    ] as const) {
      await expect(api(c, "payments.createCheckout", bad)).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringContaining(field),
      });
    }
    expect(calls).toEqual([]);
    const expiresAt = "2030-01-01T10:30:00Z";
    await api(c, "payments.createCheckout", { ...checkout, expiresAt });
    expect(calls).toEqual([expect.objectContaining({ args: { ...checkout, expiresAt } })]);
  });

  it("acts for the invocation's tenant and plugin, never one in the arguments", async () => {
    const { sink, calls } = recordingPayments();
    const api = createHostApi({ sinks: { payments: sink } });
    const out = await api(ctx({ payments: { providers: ["stripe"] } }), "payments.createCheckout", {
      ...checkout,
    });
    expect(out).toEqual({ provider: "stripe", checkoutId: "cs_1", url: "https://x.test/cs_1" });
    expect(calls).toEqual([
      {
        method: "payments.createCheckout",
        origin: { tenantId: "tenant-from-the-host", pluginId: "billboards" },
        args: checkout,
      },
    ]);
  });

  it("answers 'not available' on a host without payment providers", async () => {
    const api = createHostApi({ sinks: {} });
    await expect(
      api(ctx({ payments: { providers: ["stripe"] } }), "payments.payout", {
        provider: "stripe",
        accountId: "acct_1",
        amount: 100,
        currency: "usd",
        idempotencyKey: "p-1",
      }),
    ).rejects.toMatchObject({ code: "not_available" });
  });
});
