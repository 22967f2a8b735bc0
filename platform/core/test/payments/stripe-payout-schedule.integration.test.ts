import { describe, expect, it } from "vitest";
import { createPaymentsService } from "../../src/payments";
import { setupFakeStripe } from "../billing/fake";
import { setupWorld } from "../helpers";

const s = setupWorld();
const f = setupFakeStripe();
const service = () => createPaymentsService({ db: s.t.app, stripe: f.stripe });
const origin = () => ({ tenantId: s.w.alpha, pluginId: "billboards" });

const schedule = async (accountId: string) =>
  (await f.stripe.accounts.retrieve(accountId)).settings?.payouts?.schedule;

describe("connected accounts hold the owner's share until the plugin pays it out", () => {
  it("creates connected accounts on a manual payout schedule", async () => {
    const { accountId } = await service().createConnectedAccount(origin(), {
      provider: "stripe",
      email: "owner@screens.test",
      country: "US",
      returnUrl: "http://alpha.localhost:3000/p/billboards/done",
      refreshUrl: "http://alpha.localhost:3000/p/billboards/again",
    });
    expect(await schedule(accountId)).toEqual({ interval: "manual" });
  });

  it("puts an older automatic account on manual payouts before taking a payment for it", async () => {
    const old = await f.stripe.accounts.create({
      type: "express",
      metadata: { omnify_tenant: s.w.alpha, omnify_plugin: "billboards" },
    });
    expect(await schedule(old.id)).toEqual({ interval: "daily", delay_days: 2 });
    await f.fake.completeOnboarding(old.id);
    await service().createCheckout(origin(), {
      provider: "stripe",
      amount: 10_000,
      currency: "usd",
      destination: old.id,
      applicationFeeAmount: 2_000,
      description: "Booking",
      reference: "booking-old",
      successUrl: "http://alpha.localhost:3000/p/billboards/paid",
      cancelUrl: "http://alpha.localhost:3000/p/billboards/cancelled",
      idempotencyKey: "old-account",
    });
    expect(await schedule(old.id)).toEqual({ interval: "manual" });
  });

  it("the fake refuses an interval Stripe does not know, naming the parameter", async () => {
    await expect(
      f.stripe.accounts.create({
        type: "express",
        settings: { payouts: { schedule: { interval: "hourly" as "daily" } } },
      }),
    ).rejects.toMatchObject({ param: "settings[payouts][schedule][interval]" });
  });
});
