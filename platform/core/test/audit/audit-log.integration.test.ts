import { randomUUID } from "node:crypto";
import { sql } from "@omnify/db";
import { describe, expect, it } from "vitest";
import { auditCsv, exportAuditCsv } from "../../src/audit/export-csv";
import { findAuditRecords } from "../../src/audit/find-audit";
import { recordAudit } from "../../src/audit/record";
import { recordSignIn } from "../../src/audit/sign-in";
import { inviteMember } from "../../src/members/invite-member";
import { capturingMailer, setupWorld } from "../helpers";
import { testConfig } from "../seed";

const s = setupWorld();
const errorText = (e: unknown) =>
  `${(e as Error)?.message} ${(e as { cause?: Error })?.cause?.message}`;
const fails = async (work: Promise<unknown>) =>
  errorText(
    await work.then(
      () => null,
      (e) => e,
    ),
  );

const record = (
  tenant: string,
  action: string,
  extra: Partial<Parameters<typeof recordAudit>[1]> = {},
) =>
  s.t.app.withTenant(tenant, (tx) =>
    recordAudit(tx, { action, actor: { userId: s.w.users.owner.id }, ...extra }),
  );

describe("audit_log is append-only", () => {
  it("lets the app role insert and read, never update, delete or truncate", async () => {
    await record(s.w.alpha, "test.appended");
    const rows = await s.t.app.withTenant(s.w.alpha, (tx) =>
      findAuditRecords(tx, { action: "test.appended" }),
    );
    expect(rows.items).toHaveLength(1);
    expect(rows.items[0]?.actorLabel).toBe("owner@people.test");
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      expect(await fails(s.t.app.withTenant(s.w.alpha, (tx) => tx.execute(statement)))).toMatch(
        /permission denied/,
      );
    }
  });

  it("refuses UPDATE, DELETE and TRUNCATE even to the owner login, by trigger", async () => {
    await record(s.w.alpha, "test.kept");
    for (const attempt of [
      s.t.admin`update audit_log set action = 'rewritten'`,
      s.t.admin`delete from audit_log`,
      s.t.admin`truncate audit_log`,
    ]) {
      expect(await fails(attempt)).toMatch(/append-only/);
    }
    const [kept] = await s.t.admin<
      { n: number }[]
    >`select count(*)::int as n from audit_log where action = 'test.kept'`;
    expect(kept?.n).toBe(1);
  });
});

describe("tenant isolation", () => {
  it("writes to the transaction's own tenant and shows no other tenant's records", async () => {
    await record(s.w.beta, "test.beta_only", { actor: { userId: s.w.users.betaUser.id } });
    const inAlpha = await s.t.app.withTenant(s.w.alpha, (tx) =>
      findAuditRecords(tx, { action: "test.beta_only" }),
    );
    expect(inAlpha.items).toEqual([]);
    const forged = s.t.app.withTenant(s.w.alpha, (tx) =>
      tx.execute(
        sql`insert into audit_log (tenant_id, actor_label, action) values (${s.w.beta}, 'x', 'x.y')`,
      ),
    );
    expect(await fails(forged)).toMatch(/row-level security/);
  });
});

describe("wired into actions, in the same transaction", () => {
  it("records member.invited only when the invitation commits", async () => {
    const mailer = capturingMailer();
    const input = {
      tenant: s.alpha,
      actor: { userId: s.w.users.owner.id, role: "agency_owner" as const },
      role: "agency_member",
      mailer,
      config: testConfig,
      request: { ip: "203.0.113.9", userAgent: "Vitest" },
    };
    mailer.fail = true;
    await expect(inviteMember(s.t.app, { ...input, email: "lost@people.test" })).rejects.toThrow();
    mailer.fail = false;
    const { invitationId } = await inviteMember(s.t.app, { ...input, email: "kept@people.test" });
    const { items } = await s.t.app.withTenant(s.w.alpha, (tx) =>
      findAuditRecords(tx, { action: "member.invited" }),
    );
    expect(items).toEqual([
      expect.objectContaining({
        targetType: "invitation",
        targetId: invitationId,
        ip: "203.0.113.9",
        userAgent: "Vitest",
        metadata: { email: "kept@people.test", role: "agency_member" },
      }),
    ]);
  });

  it("records failed sign-ins with the typed e-mail as the actor", async () => {
    await recordSignIn(s.t.app, {
      tenantId: s.w.alpha,
      method: "password",
      userId: null,
      email: "Who@Example.test",
    });
    await recordSignIn(s.t.app, {
      tenantId: s.w.alpha,
      method: "password",
      userId: s.w.users.admin.id,
    });
    const find = (action: string) =>
      s.t.app.withTenant(s.w.alpha, (tx) => findAuditRecords(tx, { action }));
    expect((await find("auth.signin.failed")).items[0]).toMatchObject({
      actorUserId: null,
      actorLabel: "who@example.test",
    });
    expect((await find("auth.signin.succeeded")).items[0]).toMatchObject({
      actorUserId: s.w.users.admin.id,
      actorLabel: "admin@people.test",
    });
  });
});

describe("filters and pages", () => {
  it("filters by action prefix, actor, target and date range, and pages without gaps", async () => {
    const tenant = s.w.client;
    const base = Date.parse("2030-01-01T00:00:00Z");
    for (let i = 0; i < 7; i++) {
      // Rows 5 and 6 share a timestamp so the id tie-break is exercised.
      const at = new Date(base + Math.min(i, 5) * 60_000).toISOString();
      await s.t
        .admin`insert into audit_log (tenant_id, actor_user_id, actor_label, action, target_type, target_id, occurred_at)
        values (${tenant}, ${i % 2 ? s.w.users.admin.id : null}, ${i % 2 ? "admin@people.test" : "robot@ops.test"},
          ${i < 4 ? "page.viewed" : "page.deleted"}, 'page', ${`p${i}`}, ${at})`;
    }
    const find = (f: Parameters<typeof findAuditRecords>[1]) =>
      s.t.app.withTenant(tenant, (tx) => findAuditRecords(tx, f));
    expect((await find({ action: "page.*" })).items).toHaveLength(7);
    expect((await find({ action: "page.deleted" })).items).toHaveLength(3);
    expect((await find({ actor: "robot" })).items).toHaveLength(4);
    expect((await find({ actor: s.w.users.admin.id })).items).toHaveLength(3);
    expect((await find({ targetType: "page", targetId: "p2" })).items).toHaveLength(1);
    const range = await find({ from: new Date(base + 60_000), to: new Date(base + 3 * 60_000) });
    expect(range.items.map((r) => r.targetId)).toEqual(["p2", "p1"]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof find>> = await find({
        action: "page.",
        limit: 3,
        cursor,
      });
      seen.push(...page.items.map((r) => r.targetId ?? ""));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(2)).toEqual(["p4", "p3", "p2", "p1", "p0"]);

    await expect(find({ cursor: "not-a-cursor" })).rejects.toMatchObject({ field: "cursor" });
    await expect(find({ from: new Date(base), to: new Date(base) })).rejects.toMatchObject({
      field: "to",
    });
  });
});

describe("CSV export", () => {
  it("escapes commas, quotes and newlines, and defuses formulas", () => {
    const csv = auditCsv([
      {
        id: randomUUID(),
        occurredAt: new Date("2030-01-01T00:00:00Z"),
        actorUserId: null,
        actorLabel: '=HYPERLINK("http://evil")',
        action: "auth.signin.failed",
        targetType: "note",
        targetId: "a,b",
        ip: null,
        userAgent: 'say "hi"\nline two',
        metadata: { note: "+1" },
      },
      ...["+SUM(A1)", "-2+3", "@cmd"].map((label) => ({
        id: randomUUID(),
        occurredAt: new Date("2030-01-01T00:00:00Z"),
        actorUserId: null,
        actorLabel: label,
        action: "x.y",
        targetType: null,
        targetId: null,
        ip: "10.0.0.1",
        userAgent: null,
        metadata: {},
      })),
    ]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "occurred_at,actor_label,actor_user_id,action,target_type,target_id,ip,user_agent,metadata",
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`,"a,b",`);
    expect(csv).toContain(`"say ""hi""\nline two"`);
    expect(csv).toContain(`"{""note"":""+1""}"`);
    expect(csv).toContain(",'+SUM(A1),");
    expect(csv).toContain(",'-2+3,");
    expect(csv).toContain(",'@cmd,");
  });

  it("exports the filtered log of the tenant only", async () => {
    await record(s.w.beta, "export.beta", { actor: { userId: s.w.users.betaUser.id } });
    await record(s.w.alpha, "export.alpha", { target: { type: "thing", id: "t,1" } });
    const csv = await s.t.app.withTenant(s.w.alpha, (tx) =>
      exportAuditCsv(tx, { action: "export.*" }),
    );
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",owner@people.test,");
    expect(lines[1]).toContain(',export.alpha,thing,"t,1",');
  });
});
