import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { findAccess } from "../../src/access/resolve-access";
import { listSubaccounts } from "../../src/tenancy/list-subaccounts";
import { setupWorld, tenantAt } from "../helpers";
import { testConfig } from "../seed";

const s = setupWorld();
const people = { restricted: randomUUID(), assigned: randomUUID() };
let roleId = "";

beforeAll(async () => {
  const sql = s.t.admin;
  const [role] = await sql<{ id: string }[]>`insert into custom_roles (tenant_id, name, permissions)
    values (${s.w.alpha}, 'Reporter', '{analytics:read}') returning id`;
  roleId = role?.id ?? "";
  for (const [key, id] of Object.entries(people)) {
    await sql`insert into users (id, email, name) values (${id}, ${`${key}@people.test`}, ${key})`;
  }
  // Restricted to "client", yet also a direct member of "other": restriction wins.
  await sql`insert into memberships (tenant_id, user_id, role, restricted) values
    (${s.w.alpha}, ${people.restricted}, 'agency_member', true),
    (${s.w.other}, ${people.restricted}, 'subaccount_member', false)`;
  await sql`insert into memberships (tenant_id, user_id, role, custom_role_id)
    values (${s.w.alpha}, ${people.assigned}, 'agency_member', ${roleId})`;
  await sql`insert into subaccount_assignments (tenant_id, user_id, subaccount_id) values
    (${s.w.alpha}, ${people.restricted}, ${s.w.client}),
    (${s.w.alpha}, ${people.assigned}, ${s.w.client})`;
});

describe("accessInTransaction", () => {
  it("loads a custom role's grants and a restricted member's assignments", async () => {
    expect(await findAccess(s.t.app, s.alpha, people.assigned)).toEqual({
      userId: people.assigned,
      role: "agency_member",
      permissions: ["analytics:read"],
      restrictedTo: null,
    });
    expect(await findAccess(s.t.app, s.alpha, people.restricted)).toMatchObject({
      permissions: null,
      restrictedTo: [s.w.client],
    });
  });

  it("admits assigned agency members to a sub-account with their agency custom role", async () => {
    expect(await findAccess(s.t.app, s.client, people.assigned)).toMatchObject({
      role: "agency_member",
      permissions: ["analytics:read"],
    });
    const other = await tenantAt(s.t.app, "other.alpha.omnify.test");
    expect(await findAccess(s.t.app, other, people.assigned)).toBeNull();
  });

  it("keeps a restricted member out of unassigned sub-accounts, even with a membership there", async () => {
    const other = await tenantAt(s.t.app, "other.alpha.omnify.test");
    expect(await findAccess(s.t.app, other, people.restricted)).toBeNull();
    expect(await findAccess(s.t.app, s.client, people.restricted)).toMatchObject({
      role: "agency_member",
    });
  });

  it("never restricts owners and admins, whatever the columns say", async () => {
    await s.t.admin`update memberships set restricted = true where user_id = ${s.w.users.admin.id}`;
    const admin = await findAccess(s.t.app, s.alpha, s.w.users.admin.id);
    expect(admin).toMatchObject({ role: "agency_admin", restrictedTo: null, permissions: null });
    const subs = await s.t.app.withTenant(s.w.alpha, (tx) =>
      listSubaccounts(tx, s.alpha, testConfig, admin?.restrictedTo ?? null),
    );
    expect(subs.map((x) => x.slug)).toEqual(["client", "other"]);
    const restricted = await s.t.app.withTenant(s.w.alpha, (tx) =>
      listSubaccounts(tx, s.alpha, testConfig, []),
    );
    expect(restricted).toEqual([]);
  });
});
