import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "../src/server/urls";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/** Reads the catalog, so a table added tomorrow is checked without editing this file. */
describe("schema guard", () => {
  it("has ENABLE and FORCE row level security on every public table", async () => {
    const rows = await t.admin<{ relname: string; rls: boolean; force: boolean }[]>`
      select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as force
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    expect(rows.length).toBeGreaterThan(0);
    const weak = rows.filter((r) => !r.rls || !r.force).map((r) => r.relname);
    expect(weak, "tables missing ENABLE or FORCE ROW LEVEL SECURITY").toEqual([]);
  });

  it("has a tenant policy for the app role on every table with tenant_id", async () => {
    const rows = await t.admin<{ table_name: string; policies: number }[]>`
      select c.table_name, (select count(*)::int from pg_policies p
        where p.schemaname = 'public' and p.tablename = c.table_name
          and ${APP_ROLE} = any(p.roles)
          and p.qual like '%tenant_id = ( SELECT app.current_tenant()%') as policies
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'tenant_id'`;
    const bare = rows.filter((r) => r.policies === 0).map((r) => r.table_name);
    expect(bare).toEqual([]);
  });

  it("runs the app as a role that is not superuser, not BYPASSRLS and owns nothing", async () => {
    const [role] = await t.admin<
      { rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }[]
    >`
      select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = ${APP_ROLE}`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false });
    const [owned] = await t.admin<{ n: number }[]>`
      select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner
      where r.rolname = ${APP_ROLE}`;
    expect(owned?.n).toBe(0);
    const [member] = await t.admin<{ n: number }[]>`
      select count(*)::int as n from pg_auth_members m join pg_roles r on r.oid = m.member
      where r.rolname = ${APP_ROLE}`;
    expect(member?.n, "the app role must not inherit another role").toBe(0);
  });

  it("connects the app as that role", async () => {
    const who = await t.app.withoutTenant((tx) =>
      tx.execute<{ u: string }>("select current_user as u" as never),
    );
    expect(who[0]?.u).toBe(APP_ROLE);
  });
});
