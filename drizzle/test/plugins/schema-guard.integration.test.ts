import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePlugin } from "../../src/plugins/migrate";
import { pluginNames } from "../../src/plugins/names";
import { verifyPluginSchema } from "../../src/plugins/verify";
import { createTestDatabase, type TestDatabase } from "../../src/testing";
import { LINKS_0001, OTHER_0001, type PluginWorld, pluginWorld } from "./fixtures";

let t: TestDatabase;
let w: PluginWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await pluginWorld(t);
  await migratePlugin(w.links, { pluginId: "links", migrations: [LINKS_0001] });
  await migratePlugin(w.other, { pluginId: "other", migrations: [OTHER_0001] });
});
afterAll(() => t?.drop());

/** Catalog checks for plugin roles and the functions that guard the tenant context. */
describe("schema guard: plugins", () => {
  it("has no plugin role that is superuser, BYPASSRLS, CREATEROLE, CREATEDB or inherits", async () => {
    const roles = await t.admin<{ rolname: string }[]>`
      select rolname from pg_roles where rolname like 'plugin\\_%'
        and (rolsuper or rolbypassrls or rolcreaterole or rolcreatedb or rolinherit or rolreplication)`;
    expect(roles).toEqual([]);
    const members = await t.admin`
      select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.member
      where r.rolname like 'plugin\\_%'`;
    expect(members, "plugin roles must belong to no role").toEqual([]);
    const [count] =
      await t.admin`select count(*)::int as n from pg_roles where rolname like 'plugin\\_%'`;
    expect(count?.n).toBeGreaterThanOrEqual(4);
  });

  it("gives PUBLIC no EXECUTE on any SECURITY DEFINER function, nor on pg_notify", async () => {
    const open = await t.admin<{ fn: string }[]>`
      select p.oid::regprocedure::text as fn from pg_proc p
      where ((p.prosecdef and p.pronamespace <> 'pg_catalog'::regnamespace)
             or p.oid = 'pg_catalog.pg_notify(text, text)'::regprocedure)
        and exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                  where a.grantee = 0 and a.privilege_type = 'EXECUTE')`;
    expect(open).toEqual([]);
  });

  it("finds every migrated plugin schema still tenant-scoped", async () => {
    for (const id of ["links", "other"]) {
      const violations = await t.admin.begin((tx) => verifyPluginSchema(tx, pluginNames(id)));
      expect(violations, id).toEqual([]);
    }
  });

  it("notices a table that loses FORCE after migration", async () => {
    await t.admin`alter table plugin_links.links no force row level security`;
    const violations = await t.admin.begin((tx) => verifyPluginSchema(tx, pluginNames("links")));
    expect(violations).toEqual([
      { table: "plugin_links.links", problem: "does not FORCE ROW LEVEL SECURITY" },
    ]);
    await t.admin`alter table plugin_links.links force row level security`;
  });
});
