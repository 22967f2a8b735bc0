import { describe, expect, it } from "vitest";
import {
  assertNotReadOnly,
  assertWithinLimit,
  billingAccessInTransaction,
  currentUsage,
  getEntitlements,
  planById,
} from "../../src/billing";
import { ingestUsage } from "../../src/billing/usage";
import { inviteMember } from "../../src/members/invite-member";
import { capturingMailer, domainFailure, setupWorld } from "../helpers";
import { testConfig } from "../seed";

const s = setupWorld();

const check = (tenantId: string, limit: Parameters<typeof assertWithinLimit>[2], now?: Date) =>
  s.t.app.withTenant(tenantId, (tx) => assertWithinLimit(tx, tenantId, limit, 1, now));

describe("plan limits on the server", () => {
  it("refuses an invitation past the seat cap, naming the limit and the upgrade, and writes nothing", async () => {
    const cap = planById("free").limits.seats ?? 0;
    const used = await s.t.app.withTenant(s.w.alpha, (tx) => currentUsage(tx, s.w.alpha, "seats"));
    const mailer = capturingMailer();
    const actor = { userId: s.w.users.owner.id, role: "agency_owner" as const };
    for (let i = used; i < cap; i++)
      await inviteMember(s.t.app, {
        tenant: s.alpha,
        actor,
        email: `seat${i}@people.test`,
        role: "agency_member",
        mailer,
        config: testConfig,
      });
    const before = await s.t
      .admin`select count(*)::int as n from invitations where tenant_id = ${s.w.alpha}`;
    const err = await domainFailure(
      inviteMember(s.t.app, {
        tenant: s.alpha,
        actor,
        email: "one-too-many@people.test",
        role: "agency_member",
        mailer,
        config: testConfig,
      }),
    );
    expect(err).toMatchObject({ code: "FORBIDDEN", field: "seats" });
    expect(err.message).toBe(
      `Your Free plan allows ${cap} seats (${cap} in use): upgrade to Basic in Settings → Billing`,
    );
    const after = await s.t
      .admin`select count(*)::int as n from invitations where tenant_id = ${s.w.alpha}`;
    expect(after[0]?.n).toBe(before[0]?.n);
    // Re-inviting a pending address replaces it and takes no extra seat.
    await inviteMember(s.t.app, {
      tenant: s.alpha,
      actor,
      email: `seat${cap - 1}@people.test`,
      role: "agency_member",
      mailer,
      config: testConfig,
    });
  });

  it("a platform-admin override lifts a limit and flips a flag for that tenant only", async () => {
    await s.t.admin`insert into feature_overrides (tenant_id, key, value) values
      (${s.w.alpha}, 'seats', '100'), (${s.w.alpha}, 'sso', 'true')`;
    const ent = await s.t.app.withTenant(s.w.alpha, (tx) => getEntitlements(tx, s.w.alpha));
    expect(ent.limits.seats).toBe(100);
    expect(ent.features.sso).toBe(true);
    await check(s.w.alpha, "seats");
    const beta = await s.t.app.withTenant(s.w.beta, (tx) => getEntitlements(tx, s.w.beta));
    expect(beta.features.sso).toBe(false);
  });

  it("counts monthly quotas from usage events and sub-accounts from the agency", async () => {
    const cap = planById("free").limits.aiTokensPerMonth ?? 0;
    // Through the one ingest path, which keeps the month's totals the check reads.
    await s.t.app.withTenant(s.w.beta, (tx) =>
      ingestUsage(tx, [
        { meter: "ai.tokens", source: "core", quantity: cap, idempotencyKey: "k1" },
      ]),
    );
    expect((await domainFailure(check(s.w.beta, "aiTokensPerMonth"))).message).toContain(
      "AI tokens a month",
    );
    // Next month the quota starts again.
    const nextMonth = new Date(Date.now() + 32 * 86_400_000);
    await check(s.w.beta, "aiTokensPerMonth", nextMonth);
    expect(
      await s.t.app.withTenant(s.w.alpha, (tx) => currentUsage(tx, s.w.alpha, "subaccounts")),
    ).toBe(2);
  });

  it("turns a long past-due workspace read-only (the API's write guard refuses; limits do not repeat it)", async () => {
    const since = new Date(Date.now() - 10 * 86_400_000);
    await s.t
      .admin`insert into subscriptions (tenant_id, stripe_subscription_id, plan, status, past_due_since, stripe_version)
      values (${s.w.beta}, 'sub_x', 'pro', 'past_due', ${since}, 1)`;
    const access = await s.t.app.withTenant(s.w.beta, (tx) =>
      billingAccessInTransaction(tx, s.w.beta),
    );
    expect(access).toEqual({ status: "past_due", readOnly: true });
    const err = await domainFailure(Promise.resolve().then(() => assertNotReadOnly(access)));
    expect(err).toMatchObject({ code: "FORBIDDEN", field: "billing" });
    expect(err.message).toContain("read-only");
    // The Pro plan's cap still applies on its own.
    await check(s.w.beta, "plugins");
  });
});
