import { describe, expect, it } from "vitest";
import { deliver, setupFakeStripe, WEBHOOK_SECRET } from "../../core/test/billing/fake";
import { setupApi, trpcFailure } from "./harness";

const f = setupFakeStripe();
const api = setupApi({
  extra: () => ({ billing: { stripe: f.stripe, webhookSecret: WEBHOOK_SECRET } }),
});
const { world: s, as } = api;
const ALPHA = "alpha.omnify.test";

describe("billing.* through createCaller", () => {
  it("plans and current: Free with usage against each limit", async () => {
    const owner = await as(ALPHA, s.w.alpha, s.w.users.owner.id);
    const { plans } = await owner.billing.plans();
    expect(plans.map((p) => p.id)).toEqual(["free", "basic", "pro", "enterprise"]);
    expect(plans.find((p) => p.id === "enterprise")?.purchasable).toBe(false);
    const current = await owner.billing.current();
    expect(current).toMatchObject({ plan: "free", status: "none", readOnly: false });
    expect(current.usage.seats).toBe(3);
    expect(current.usage.subaccounts).toBe(2);
  });

  it("checkout → webhook → current shows the new plan; invoices and portal follow", async () => {
    const owner = await as(ALPHA, s.w.alpha, s.w.users.owner.id);
    const { url } = await owner.billing.checkout({ plan: "pro" });
    expect(url).toMatch(/\/checkout\/cs_/);
    await deliver(s.t.app, f.stripe, await f.fake.completeCheckout(url.split("/").pop() ?? ""));
    expect((await owner.billing.current()).plan).toBe("pro");
    const { invoices } = await owner.billing.invoices();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ status: "paid", totalCents: 14_900 });
    expect((await owner.billing.portal()).url).toMatch(/\/portal\/bps_/);
  });

  it("refuses an unknown plan naming the field, and non-owners", async () => {
    const owner = await as(ALPHA, s.w.alpha, s.w.users.owner.id);
    const before = f.fake.state.checkoutSessions.size;
    const err = await trpcFailure(owner.billing.checkout({ plan: "platinum" }), "BAD_REQUEST");
    expect(err.message).toContain("platinum");
    expect(f.fake.state.checkoutSessions.size).toBe(before);
    const member = await as(ALPHA, s.w.alpha, s.w.users.member.id);
    await trpcFailure(member.billing.checkout({ plan: "basic" }), "FORBIDDEN");
  });
  it("setOverride: platform staff lift a limit for this agency; bad keys and values write nothing", async () => {
    const staff = await as(ALPHA, s.w.alpha, s.w.users.platformAdmin.id);
    await staff.billing.setOverride({ key: "seats", value: 500 });
    const owner = await as(ALPHA, s.w.alpha, s.w.users.owner.id);
    expect((await owner.billing.current()).limits.seats).toBe(500);
    await trpcFailure(owner.billing.setOverride({ key: "seats", value: 1_000 }), "FORBIDDEN");
    const bad = await trpcFailure(
      staff.billing.setOverride({ key: "seatz", value: 5 }),
      "BAD_REQUEST",
    );
    expect(bad.message).toContain("seatz");
    await trpcFailure(staff.billing.setOverride({ key: "sso", value: 3 }), "BAD_REQUEST");
    await trpcFailure(staff.billing.setOverride({ key: "seats", value: -1 }), "BAD_REQUEST");
    expect(
      (await s.t.admin`select key, value from feature_overrides`).map((r) => [r.key, r.value]),
    ).toEqual([["seats", 500]]);
    await staff.billing.setOverride({ key: "seats", value: null });
    expect((await owner.billing.current()).limits.seats).toBe(100);
  });
});
