import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePlugin, PluginMigrationError } from "../../src/plugins/migrate";
import { createTestDatabase, type TestDatabase } from "../../src/testing";
import { failureOf, LINKS_0001, OTHER_0001, type PluginWorld, pluginWorld } from "./fixtures";

let t: TestDatabase;
let w: PluginWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await pluginWorld(t);
  await migratePlugin(w.other, { pluginId: "other", migrations: [OTHER_0001] });
});
afterAll(() => t?.drop());

const tableExists = async (schema: string, table: string) =>
  (await t.admin`select to_regclass(${`${schema}.${table}`}) as r`)[0]?.r !== null;

/** Runs one bad migration after the legit one, and returns the error it was refused with. */
async function refused(name: string, sql: string) {
  const error = await failureOf(
    migratePlugin(w.links, { pluginId: "links", migrations: [LINKS_0001, { name, sql }] }),
  );
  const applied =
    await t.admin`select name from plugin_links._omnify_migrations where name = ${name}`;
  expect(applied, `${name} must not be recorded`).toEqual([]);
  return error;
}

describe("migratePlugin", () => {
  it("applies a tenant table with the standard policy once, and skips it afterwards", async () => {
    const first = await migratePlugin(w.links, { pluginId: "links", migrations: [LINKS_0001] });
    expect(first.applied).toEqual(["0001_links"]);
    const again = await migratePlugin(w.links, { pluginId: "links", migrations: [LINKS_0001] });
    expect(again.applied).toEqual([]);
    expect(await tableExists("plugin_links", "links")).toBe(true);
    const [owner] =
      await t.admin`select tableowner from pg_tables where schemaname = 'plugin_links' and tablename = 'links'`;
    expect(owner?.tableowner).toBe("plugin_links_migrate");
  });

  it("refuses a migration whose text changed after it was applied", async () => {
    const changed = { ...LINKS_0001, sql: `${LINKS_0001.sql}\n-- edited` };
    const error = await failureOf(
      migratePlugin(w.links, { pluginId: "links", migrations: [changed] }),
    );
    expect(error.message).toMatch(/"0001_links".*changed after it was applied/);
  });

  it.each([
    [
      "no tenant_id",
      "create table bare (id int); alter table bare enable row level security; alter table bare force row level security;",
      /plugin_links\.bare has no `tenant_id uuid not null` column/,
    ],
    [
      "nullable tenant_id",
      "create table loose (tenant_id uuid); alter table loose enable row level security; alter table loose force row level security; create policy p on loose for all to public using (tenant_id = (select app.current_tenant())) with check (tenant_id = (select app.current_tenant()));",
      /plugin_links\.loose has no `tenant_id uuid not null`/,
    ],
    [
      "no FORCE",
      "create table weak (tenant_id uuid not null); alter table weak enable row level security; create policy p on weak for all to public using (tenant_id = (select app.current_tenant())) with check (tenant_id = (select app.current_tenant()));",
      /plugin_links\.weak does not FORCE ROW LEVEL SECURITY/,
    ],
    [
      "no policy",
      "create table open (tenant_id uuid not null); alter table open enable row level security; alter table open force row level security;",
      /plugin_links\.open lacks the tenant policy/,
    ],
    [
      "a looser extra policy",
      "alter table links add column x int; create policy everyone on links for select to public using (true);",
      /plugin_links\.links permissive policy "everyone" is looser/,
    ],
    [
      "a policy for another role",
      "create policy mine on links for all to omnify_app using (tenant_id = (select app.current_tenant())) with check (tenant_id = (select app.current_tenant()));",
      /policy "mine" names roles other than the runtime role/,
    ],
    [
      "TRUNCATE for the runtime role",
      "grant truncate on links to plugin_links_runtime;",
      /plugin_links\.links grants TRUNCATE to plugin_links_runtime/,
    ],
    [
      "a grant to PUBLIC",
      "grant select on links to public;",
      /plugin_links\.links grants SELECT to public/,
    ],
    [
      "a SECURITY DEFINER function",
      "create function peek() returns bigint language sql security definer as 'select count(*) from links';",
      /peek\(\) is SECURITY DEFINER/,
    ],
    [
      "an owner-rights view",
      "create view all_links as select * from links;",
      /all_links is a view without security_invoker/,
    ],
    [
      "a rule",
      "create table audit (tenant_id uuid not null); alter table audit enable row level security; alter table audit force row level security; create policy p on audit for all to public using (tenant_id = (select app.current_tenant())) with check (tenant_id = (select app.current_tenant())); create rule r as on insert to links do also insert into audit values (new.tenant_id);",
      /plugin_links\.links has rule "r"/,
    ],
  ])(
    "rejects and rolls back a migration with %s, naming the table",
    async (_label, sql, message) => {
      const error = await refused("0002_bad", sql);
      expect(error).toBeInstanceOf(PluginMigrationError);
      expect(error.message).toMatch(message);
      for (const table of ["bare", "loose", "weak", "open", "all_links", "audit"]) {
        expect(await tableExists("plugin_links", table), `${table} rolled back`).toBe(false);
      }
      const [policies] =
        await t.admin`select count(*)::int as n from pg_policies where schemaname = 'plugin_links'`;
      expect(policies?.n).toBe(1);
    },
  );

  it("refuses COMMIT inside a migration before running any of it", async () => {
    const error = await refused(
      "0002_commit",
      "create table early (tenant_id uuid); commit; select 1",
    );
    expect(error.message).toMatch(/must not use COMMIT/);
    expect(await tableExists("plugin_links", "early")).toBe(false);
  });

  it("keeps the migration role out of public, app and other plugins' schemas", async () => {
    const cases: [string, RegExp][] = [
      [
        "create table public.sneaky (tenant_id uuid not null)",
        /permission denied for schema public/,
      ],
      ["select count(*) from public.users", /permission denied for table users/],
      ["select count(*) from public.tenants", /permission denied for table tenants/],
      [
        "update public.memberships set role = 'agency_owner'",
        /permission denied for table memberships/,
      ],
      ["select * from plugin_other.notes", /permission denied for schema plugin_other/],
      [
        "create table plugin_other.x (tenant_id uuid not null)",
        /permission denied for schema plugin_other/,
      ],
      [
        "create function app.current_tenant() returns uuid language sql as 'select null::uuid'",
        /permission denied for schema app/,
      ],
      ["select * from app_private.plugin_context_key", /permission denied for schema app_private/],
      ["set role omnify_app", /permission denied to set role/],
      [
        "select app.enter_tenant(gen_random_uuid(), 'guess')",
        /permission denied for function enter_tenant/,
      ],
    ];
    for (const [sql, message] of cases) {
      const error = await refused("0002_escape", sql);
      expect(error.message, sql).toMatch(message);
    }
    expect(await tableExists("public", "sneaky")).toBe(false);
  });
});
