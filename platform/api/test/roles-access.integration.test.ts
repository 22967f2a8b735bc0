import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PASSWORD } from "../../core/test/seed";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;
const ALPHA = "alpha.omnify.test";
const CLIENT = "client.alpha.omnify.test";
const OTHER = "other.alpha.omnify.test";

/** Extra people: a custom-role member, a restricted member and a sub-account admin. */
const extra = { custom: randomUUID(), restricted: randomUUID(), subAdmin: randomUUID() };
let auditorRole = "";

beforeAll(async () => {
  const sql = s.t.admin;
  const [role] = await sql<{ id: string }[]>`insert into custom_roles (tenant_id, name, permissions)
    values (${s.w.alpha}, 'Auditor', '{members:write,audit:read}') returning id`;
  auditorRole = role?.id ?? "";
  for (const [key, id] of Object.entries(extra)) {
    await sql`insert into users (id, email, name) values (${id}, ${`${key}@people.test`}, ${key})`;
  }
  await sql`insert into memberships (tenant_id, user_id, role, custom_role_id, restricted) values
    (${s.w.alpha}, ${extra.custom}, 'agency_member', ${auditorRole}, false),
    (${s.w.alpha}, ${extra.restricted}, 'agency_member', null, true),
    (${s.w.client}, ${extra.subAdmin}, 'subaccount_admin', null, false)`;
  await sql`insert into subaccount_assignments (tenant_id, user_id, subaccount_id)
    values (${s.w.alpha}, ${extra.restricted}, ${s.w.client})`;
});

const onAlpha = (userId: string) => api.as(ALPHA, s.w.alpha, userId);
/** Role changes are step-up actions: confirm the password first, as the portal's dialog does. */
async function stepUp<C extends Awaited<ReturnType<typeof api.as>>>(caller: C): Promise<C> {
  await caller.account.reauthenticate({ password: PASSWORD });
  return caller;
}

describe("one representative procedure per row of the matrix", () => {
  it("roles.create (roles.manage): owners, admins and platform staff only", async () => {
    for (const [i, id] of [
      s.w.users.owner.id,
      s.w.users.admin.id,
      s.w.users.platformAdmin.id,
    ].entries()) {
      const made = await (await stepUp(await onAlpha(id))).roles.create({
        name: `R${i}`,
        permissions: ["analytics:read"],
      });
      expect(made.permissions).toEqual(["analytics:read"]);
    }
    for (const id of [s.w.users.member.id, extra.custom, extra.restricted]) {
      await trpcFailure(
        (await onAlpha(id)).roles.create({ name: "Nope", permissions: [] }),
        "FORBIDDEN",
      );
    }
    const subAdmin = await api.as(CLIENT, s.w.client, extra.subAdmin);
    await trpcFailure(subAdmin.roles.create({ name: "Nope", permissions: [] }), "FORBIDDEN");
  });

  it("audit.find (audit.read): admins and the custom role with audit:read, not plain members", async () => {
    await expect((await onAlpha(s.w.users.admin.id)).audit.find({})).resolves.toBeTruthy();
    await expect((await onAlpha(extra.custom)).audit.find({})).resolves.toBeTruthy();
    await trpcFailure((await onAlpha(s.w.users.member.id)).audit.find({}), "FORBIDDEN");
    const clientUser = await api.as(CLIENT, s.w.client, s.w.users.clientUser.id);
    await trpcFailure(clientUser.audit.find({}), "FORBIDDEN");
    const subAdmin = await api.as(CLIENT, s.w.client, extra.subAdmin);
    await expect(subAdmin.audit.find({})).resolves.toBeTruthy();
  });

  it("members.find (members.read): refused to a custom role that does not grant it", async () => {
    const [role] = await s.t.admin<
      { id: string }[]
    >`insert into custom_roles (tenant_id, name, permissions)
      values (${s.w.alpha}, 'Analyst', '{analytics:read}') returning id`;
    const id = randomUUID();
    await s.t.admin`insert into users (id, email, name) values (${id}, 'analyst@people.test', 'A')`;
    await s.t.admin`insert into memberships (tenant_id, user_id, role, custom_role_id)
      values (${s.w.alpha}, ${id}, 'agency_member', ${role?.id ?? null})`;
    await trpcFailure((await onAlpha(id)).members.find(), "FORBIDDEN");
    await expect((await onAlpha(s.w.users.member.id)).members.find()).resolves.toBeTruthy();
  });

  it("members.invite: a custom role with members:write invites members, never admins", async () => {
    const custom = await onAlpha(extra.custom);
    await expect(
      custom.members.invite({ email: "helper@people.test", role: "agency_member" }),
    ).resolves.toMatchObject({ invitationId: expect.any(String) });
    await trpcFailure(
      custom.members.invite({ email: "boss@people.test", role: "agency_admin" }),
      "FORBIDDEN",
    );
    await trpcFailure(
      (await onAlpha(s.w.users.member.id)).members.invite({
        email: "x@people.test",
        role: "agency_member",
      }),
      "FORBIDDEN",
    );
  });

  it("subaccounts.find and auth.createHandoff: a restricted member sees and opens assigned ones only", async () => {
    const restricted = await onAlpha(extra.restricted);
    const { items } = await restricted.subaccounts.find();
    expect(items.map((i) => i.slug)).toEqual(["client"]);
    await expect(
      restricted.auth.createHandoff({ subaccountId: s.w.client }),
    ).resolves.toHaveProperty("url");
    await trpcFailure(restricted.auth.createHandoff({ subaccountId: s.w.other }), "FORBIDDEN");
    // The assignment is what lets them in on the sub-account's own host.
    const onClient = await api.as(CLIENT, s.w.client, extra.restricted);
    await expect(onClient.members.find()).resolves.toBeTruthy();
    const onOther = await api.as(OTHER, s.w.other, extra.restricted);
    await trpcFailure(onOther.members.find(), "FORBIDDEN");
    // Owners are never restricted.
    const owner = await onAlpha(s.w.users.owner.id);
    expect((await owner.subaccounts.find()).items.map((i) => i.slug)).toEqual(["client", "other"]);
  });

  it("refuses managing members and roles of another tenant", async () => {
    const [betaRole] = await s.t.admin<{ id: string }[]>`insert into custom_roles (tenant_id, name)
      values (${s.w.beta}, 'Beta role') returning id`;
    const betaRoleId = betaRole?.id ?? "";
    const alphaOwner = await stepUp(await onAlpha(s.w.users.owner.id));
    // Beta's rows are invisible on alpha's host: not found, and nothing changes.
    await trpcFailure(
      alphaOwner.roles.update({ id: betaRoleId, data: { name: "Hijack" } }),
      "NOT_FOUND",
    );
    await trpcFailure(alphaOwner.roles.delete({ id: betaRoleId }), "NOT_FOUND");
    await trpcFailure(
      alphaOwner.roles.assign({ userId: s.w.users.betaUser.id, customRoleId: null }),
      "NOT_FOUND",
    );
    await trpcFailure(
      alphaOwner.roles.assign({ userId: s.w.users.member.id, customRoleId: betaRoleId }),
      "NOT_FOUND",
    );
    // Alpha's owner holding a session on beta's host has no role there at all.
    const onBeta = await api.as("beta.omnify.test", s.w.beta, s.w.users.owner.id);
    await trpcFailure(
      onBeta.members.invite({ email: "x@people.test", role: "agency_member" }),
      "FORBIDDEN",
    );
    await trpcFailure(onBeta.roles.create({ name: "X", permissions: [] }), "FORBIDDEN");
    const [still] = await s.t.admin<
      { name: string }[]
    >`select name from custom_roles where id = ${betaRoleId}`;
    expect(still?.name).toBe("Beta role");
  });
});

describe("roles CRUD, assignment and access", () => {
  it("asks for a recent password confirmation first (step-up)", async () => {
    const owner = await onAlpha(s.w.users.owner.id);
    const refused = await trpcFailure(
      owner.roles.create({ name: "Fresh", permissions: [] }),
      "FORBIDDEN",
    );
    expect((refused.cause as { field?: string } | undefined)?.field).toBe("stepUp");
  });

  it("validates input, names the field and writes nothing", async () => {
    const owner = await stepUp(await onAlpha(s.w.users.owner.id));
    const bad = await trpcFailure(
      owner.roles.create({ name: "  ", permissions: [] }),
      "BAD_REQUEST",
    );
    expect(bad.message).toMatch(/name/i);
    const grant = await trpcFailure(
      owner.roles.create({ name: "Bad", permissions: ["nope"] }),
      "BAD_REQUEST",
    );
    expect(grant.message).toContain('"nope"');
    await trpcFailure(owner.roles.create({ name: "Auditor", permissions: [] }), "CONFLICT");
    const [n] = await s.t.admin<
      { n: number }[]
    >`select count(*)::int as n from custom_roles where name = 'Bad'`;
    expect(n?.n).toBe(0);
  });

  it("creates, updates, assigns, refuses deleting a held role, and audits every step", async () => {
    const owner = await stepUp(await onAlpha(s.w.users.owner.id));
    const made = await owner.roles.create({
      name: "Editor",
      permissions: ["utm-links:write", "utm-links:read", "analytics:read"],
    });
    expect(made.permissions).toEqual(["analytics:read", "utm-links:write"]);
    await owner.roles.update({ id: made.id, data: { permissions: ["analytics:write"] } });
    await owner.roles.assign({ userId: s.w.users.member.id, customRoleId: made.id });
    await trpcFailure(
      owner.roles.assign({ userId: s.w.users.admin.id, customRoleId: made.id }),
      "BAD_REQUEST",
    );
    // The grant now decides: plain members could read members, an Editor cannot.
    await trpcFailure((await onAlpha(s.w.users.member.id)).members.find(), "FORBIDDEN");
    await trpcFailure(owner.roles.delete({ id: made.id }), "CONFLICT");
    await owner.roles.assign({ userId: s.w.users.member.id, customRoleId: null });
    await expect(owner.roles.delete({ id: made.id })).resolves.toEqual({ id: made.id });

    const { items } = await owner.audit.find({ action: "role.*" });
    expect(items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["role.created", "role.updated", "role.deleted"]),
    );
    const changes = await owner.audit.find({
      action: "member.role_changed",
      targetId: s.w.users.member.id,
    });
    expect(changes.items).toHaveLength(2);
    expect(changes.items[0]?.actorLabel).toBe("owner@people.test");
  });

  it("assigns a custom role to a sub-account member, from the agency's roles", async () => {
    const agencyAdmin = await stepUp(await api.as(CLIENT, s.w.client, s.w.users.admin.id));
    const found = await agencyAdmin.roles.find();
    expect(found.roles.map((r) => r.name)).toContain("Auditor");
    await agencyAdmin.roles.assign({ userId: s.w.users.clientUser.id, customRoleId: auditorRole });
    const clientUser = await api.as(CLIENT, s.w.client, s.w.users.clientUser.id);
    await expect(clientUser.audit.find({})).resolves.toBeTruthy();
    await agencyAdmin.roles.assign({ userId: s.w.users.clientUser.id, customRoleId: null });
  });

  it("setAccess restricts a member to sub-accounts of this agency only", async () => {
    const owner = await stepUp(await onAlpha(s.w.users.owner.id));
    const betaSub = randomUUID();
    await s.t.admin`insert into tenants (id, kind, parent_id, slug, name, theme_id)
      values (${betaSub}, 'subaccount', ${s.w.beta}, 'bsub', 'B Sub', 'ember')`;
    const err = await trpcFailure(
      owner.roles.setAccess({
        userId: s.w.users.member.id,
        restricted: true,
        subaccountIds: [betaSub],
      }),
      "BAD_REQUEST",
    );
    expect((err.cause as { field?: string } | undefined)?.field).toBe("subaccountIds");
    await trpcFailure(
      owner.roles.setAccess({ userId: s.w.users.admin.id, restricted: true, subaccountIds: [] }),
      "BAD_REQUEST",
    );
    await owner.roles.setAccess({
      userId: s.w.users.member.id,
      restricted: true,
      subaccountIds: [s.w.other],
    });
    const member = await onAlpha(s.w.users.member.id);
    expect((await member.subaccounts.find()).items.map((i) => i.slug)).toEqual(["other"]);
    await owner.roles.setAccess({
      userId: s.w.users.member.id,
      restricted: false,
      subaccountIds: [],
    });
    expect((await member.subaccounts.find()).items).toHaveLength(2);
  });
});
