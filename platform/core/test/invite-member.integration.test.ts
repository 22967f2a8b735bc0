import { beforeEach, describe, expect, it } from "vitest";
import type { EffectiveRole } from "../src/auth/roles";
import { hashSecretToken } from "../src/auth/secret-token";
import { inviteMember } from "../src/members/invite-member";
import type { ResolvedTenant } from "../src/tenancy/resolved-tenant";
import {
  capturingMailer,
  collectEvents,
  domainFailure,
  inviteTokenFrom,
  setupWorld,
} from "./helpers";
import { testConfig } from "./seed";

const s = setupWorld();
let mailer: ReturnType<typeof capturingMailer>;
beforeEach(async () => {
  mailer = capturingMailer();
  await s.t.admin`delete from invitations`;
});

const invite = (
  tenant: ResolvedTenant,
  email: string,
  role: string,
  actor: { userId: string; role: EffectiveRole } = {
    userId: s.w.users.owner.id,
    role: "agency_owner",
  },
) => inviteMember(s.t.app, { tenant, actor, email, role, mailer, config: testConfig });

const invitationCount = async () =>
  (await s.t.admin<{ n: number }[]>`select count(*)::int as n from invitations`)[0]?.n;

describe("inviteMember", () => {
  it("stores a hashed token, mails a branded link and announces member.invited", async () => {
    let result: Awaited<ReturnType<typeof invite>> | undefined;
    const events = await collectEvents(s.t.app, async () => {
      result = await invite(s.alpha, "  New.Person@Example.COM ", "agency_member");
    });
    expect(result).toEqual({ invitationId: expect.any(String), expiresAt: expect.any(Date) });
    expect(result).not.toHaveProperty("token");
    const days = ((result?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);

    expect(mailer.sent).toHaveLength(1);
    const mail = mailer.sent[0];
    expect(mail?.to).toBe("new.person@example.com");
    expect(mail?.from).toBe('"Alpha Agency" <no-reply@omnify.test>');
    expect(mail?.subject).toContain("Alpha Agency");
    const token = inviteTokenFrom(mail);
    expect(mail?.text).toContain(`https://alpha.omnify.test/invite/${token}`);

    const [row] = await s.t.admin`select * from invitations`;
    expect(row).toMatchObject({
      tenant_id: s.w.alpha,
      email: "new.person@example.com",
      role: "agency_member",
      status: "pending",
      invited_by: s.w.users.owner.id,
      token_hash: hashSecretToken(token),
    });
    expect(events).toEqual([
      {
        tenantId: s.w.alpha,
        type: "member.invited",
        data: {
          invitationId: result?.invitationId,
          email: "new.person@example.com",
          role: "agency_member",
        },
      },
    ]);
  });

  it.each(["", "not-an-email", "a@", "@b.test", "a b@c.test"])(
    "rejects e-mail %j naming the field and writing nothing",
    async (email) => {
      const error = await domainFailure(invite(s.alpha, email, "agency_member"));
      expect(error).toMatchObject({ code: "BAD_INPUT", field: "email" });
      expect(await invitationCount()).toBe(0);
      expect(mailer.sent).toHaveLength(0);
    },
  );

  it("refuses to invite an existing member (CONFLICT, nothing written)", async () => {
    const error = await domainFailure(invite(s.alpha, "MEMBER@people.test", "agency_admin"));
    expect(error).toMatchObject({
      code: "CONFLICT",
      field: "email",
      message: "member@people.test is already a member",
    });
    expect(await invitationCount()).toBe(0);
    expect(mailer.sent).toHaveLength(0);
  });

  it.each([
    ["agency", "subaccount_member"],
    ["subaccount", "agency_member"],
    ["subaccount", "agency_owner"],
    ["agency", "superuser"],
  ])("refuses a role that does not fit the tenant (%s / %s)", async (kind, role) => {
    const tenant = kind === "agency" ? s.alpha : s.client;
    const error = await domainFailure(invite(tenant, "x@people.test", role));
    expect(error).toMatchObject({ code: "BAD_INPUT", field: "role" });
    expect(await invitationCount()).toBe(0);
  });

  it("lets only owners and admins invite", async () => {
    const member = { userId: s.w.users.member.id, role: "agency_member" as const };
    expect(
      await domainFailure(invite(s.alpha, "x@people.test", "agency_member", member)),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    const subMember = { userId: s.w.users.clientUser.id, role: "subaccount_member" as const };
    expect(
      await domainFailure(invite(s.client, "x@people.test", "subaccount_member", subMember)),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await invitationCount()).toBe(0);
  });

  it("stops an agency admin from creating owners, but not admins", async () => {
    const admin = { userId: s.w.users.admin.id, role: "agency_admin" as const };
    const error = await domainFailure(invite(s.alpha, "x@people.test", "agency_owner", admin));
    expect(error).toMatchObject({ code: "FORBIDDEN", field: "role" });
    await expect(invite(s.alpha, "x@people.test", "agency_admin", admin)).resolves.toBeTruthy();
  });

  it("lets an agency admin invite into a sub-account, linking to the sub-account host", async () => {
    const admin = { userId: s.w.users.admin.id, role: "agency_admin" as const };
    await invite(s.client, "client2@people.test", "subaccount_admin", admin);
    expect(mailer.sent[0]?.text).toContain("https://client.alpha.omnify.test/invite/");
    const [row] = await s.t.admin`select tenant_id from invitations`;
    expect(row?.tenant_id).toBe(s.w.client);
  });

  it("replaces a pending invitation when re-inviting: the old link stops working", async () => {
    const first = await invite(s.alpha, "again@people.test", "agency_member");
    const second = await invite(s.alpha, "again@people.test", "agency_admin");
    expect(second.invitationId).not.toBe(first.invitationId);
    const rows = await s.t.admin`select id, status, role from invitations order by created_at`;
    expect(rows.map((r) => [r.id, r.status, r.role])).toEqual([
      [first.invitationId, "revoked", "agency_member"],
      [second.invitationId, "pending", "agency_admin"],
    ]);
    expect(mailer.sent).toHaveLength(2);
  });

  it("turns a race between two identical invitations into CONFLICT, never a crash", async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => invite(s.alpha, "race@people.test", "agency_member")),
    );
    for (const r of results) {
      if (r.status === "rejected")
        expect(r.reason).toMatchObject({ code: "CONFLICT", field: "email" });
    }
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const pending = await s.t.admin`select 1 from invitations where status = 'pending'`;
    expect(pending).toHaveLength(1);
  });

  it("writes nothing when the e-mail cannot be sent", async () => {
    mailer.fail = true;
    await expect(invite(s.alpha, "unlucky@people.test", "agency_member")).rejects.toThrow(
      "SMTP down",
    );
    expect(await invitationCount()).toBe(0);
  });
});
