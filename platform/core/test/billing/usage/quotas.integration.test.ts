import { describe, expect, it } from "vitest";
import { currentUsage } from "../../../src/billing/entitlements";
import { sendUsageAlertMails } from "../../../src/billing/usage/alert-mails";
import { ingestUsage } from "../../../src/billing/usage/ingest-usage";
import { assertQuotaAvailable } from "../../../src/billing/usage/quotas";
import { capturingMailer, collectEvents, domainFailure, setupWorld } from "../../helpers";
import { testConfig } from "../../seed";

const s = setupWorld();

const tokens = (tenantId: string, key: string, quantity: number) =>
  s.t.app.withTenant(tenantId, (tx) =>
    ingestUsage(tx, [{ meter: "ai.tokens", source: "core", quantity, idempotencyKey: key }]),
  );
const override = (tenantId: string, key: string, value: number) =>
  s.t
    .admin`insert into feature_overrides (tenant_id, key, value) values (${tenantId}, ${key}, ${value})
    on conflict (tenant_id, key) do update set value = excluded.value`;
const alerts = (tenantId: string) =>
  s.t.admin`select meter, threshold, used::float as used, quota::float as quota from usage_alerts
    where tenant_id = ${tenantId} order by threshold`;

describe("monthly quotas at ingest", () => {
  it("alerts once at 80% and 100%, then refuses with the quota and the upgrade path", async () => {
    await override(s.w.alpha, "aiTokensPerMonth", 100);
    await tokens(s.w.alpha, "t1", 70);
    expect(await alerts(s.w.alpha)).toEqual([]);
    const events = await collectEvents(s.t.app, () => tokens(s.w.alpha, "t2", 10));
    expect(events.map((e) => [e.type, e.data.threshold])).toEqual([["usage.alert", 80]]);
    await tokens(s.w.alpha, "t3", 5);
    await tokens(s.w.alpha, "t4", 30);
    expect(await alerts(s.w.alpha)).toEqual([
      { meter: "ai.tokens", threshold: 80, used: 80, quota: 100 },
      { meter: "ai.tokens", threshold: 100, used: 115, quota: 100 },
    ]);
    const refused = await domainFailure(tokens(s.w.alpha, "t5", 1));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.field).toBe("aiTokensPerMonth");
    expect(refused.message).toBe(
      "Your Free plan includes 100 AI tokens a month and 115 are used this month: upgrade to Basic in Settings → Billing",
    );
    // A retry of an event already recorded is still absorbed, not refused.
    expect(await tokens(s.w.alpha, "t4", 30)).toEqual({ recorded: 0, duplicates: 1 });
    const usage = await s.t.app.withTenant(s.w.alpha, (tx) =>
      currentUsage(tx, s.w.alpha, "aiTokensPerMonth"),
    );
    expect(usage).toBe(115);
  });

  it("e-mails each alert once to the workspace's owners and admins", async () => {
    const mailer = capturingMailer();
    expect(await sendUsageAlertMails(s.t.app, mailer, testConfig)).toBe(2);
    const owner = s.w.users.owner.email;
    const mine = mailer.sent.filter((m) => m.to === owner).map((m) => m.subject);
    expect(mine).toEqual([
      "Alpha Agency has used 80% of its AI tokens a month",
      "Alpha Agency has used all of its AI tokens a month",
    ]);
    expect(mailer.sent.map((m) => m.to)).toContain(s.w.users.admin.email);
    expect(mailer.sent.map((m) => m.to)).not.toContain(s.w.users.member.email);
    expect(mailer.sent[1]?.text).toContain("upgrade to Basic in Settings → Billing");
    expect(mailer.sent[1]?.text).toContain("://alpha.omnify.test");
    expect(mailer.sent[1]?.text).toContain("/settings/usage");
    expect(await sendUsageAlertMails(s.t.app, capturingMailer(), testConfig)).toBe(0);
  });

  it("respects the platform admin's override", async () => {
    await override(s.w.alpha, "aiTokensPerMonth", 1_000);
    expect(await tokens(s.w.alpha, "t6", 1)).toEqual({ recorded: 1, duplicates: 0 });
  });

  it("counts API calls and refuses them once the month's total reaches the plan limit", async () => {
    await override(s.w.beta, "apiCallsPerMonth", 2);
    const call = (key: string) =>
      s.t.app.withTenant(s.w.beta, async (tx) => {
        await assertQuotaAvailable(tx, s.w.beta, "apiCallsPerMonth");
        return ingestUsage(tx, [
          { meter: "api.calls", source: "core", quantity: 1, idempotencyKey: key },
        ]);
      });
    await call("r1");
    await call("r2");
    const refused = await domainFailure(call("r3"));
    expect(refused.field).toBe("apiCallsPerMonth");
    expect(refused.message).toContain("2 API calls a month");
    expect(refused.message).toContain("upgrade to Basic");
    const [row] = await s.t.admin`select total::int as total from usage_monthly
      where tenant_id = ${s.w.beta} and meter = 'api.calls'`;
    expect(row?.total).toBe(2);
  });
});
