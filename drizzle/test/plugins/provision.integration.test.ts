import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePluginContextKey } from "../../src/plugins/context-key";
import { provisionPlugin } from "../../src/plugins/provision";
import { createTestDatabase, type TestDatabase } from "../../src/testing";
import { failureOf, HOST_SECRET, login, type PluginWorld, pluginWorld } from "./fixtures";

let t: TestDatabase;
let w: PluginWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await pluginWorld(t);
});
afterAll(() => t?.drop());

const whoAmI = async (url: string) => {
  const sql = login(url);
  try {
    const [row] = await sql<
      { u: string; db: string }[]
    >`select session_user as u, current_database() as db`;
    return row;
  } finally {
    await sql.end();
  }
};

describe("provisionPlugin", () => {
  it("is idempotent and returns working logins for both roles on the same database", async () => {
    const again = await provisionPlugin(t.admin, { pluginId: "links", hostSecret: HOST_SECRET });
    expect(again).toEqual(w.links);
    expect(w.links).toMatchObject({
      schema: "plugin_links",
      migrationRole: "plugin_links_migrate",
      runtimeRole: "plugin_links_runtime",
    });
    expect(await whoAmI(w.links.migrationUrl)).toEqual({ u: "plugin_links_migrate", db: t.name });
    expect(await whoAmI(w.links.runtimeUrl)).toEqual({ u: "plugin_links_runtime", db: t.name });
    const [owner] =
      await t.admin`select nspowner::regrole::text as o from pg_namespace where nspname = 'plugin_links'`;
    expect(owner?.o).toBe("plugin_links_migrate");
  });

  it("gives plugin roles no right on any public table, and nobody CREATE on public", async () => {
    const rows = await t.admin<{ role: string; table: string }[]>`
      select r.rolname as role, c.relname as table
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      cross join (select rolname from pg_roles where rolname like 'plugin\\_%') r
      cross join unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
      where n.nspname in ('public', 'app', 'app_private') and c.relkind in ('r', 'p', 'v')
        and has_table_privilege(r.rolname, c.oid, p)`;
    expect(rows).toEqual([]);
    const creators = await t.admin`
      select rolname from pg_roles where rolname like 'plugin\\_%' and has_schema_privilege(rolname, 'public', 'CREATE')`;
    expect(creators).toEqual([]);
  });

  it("lets the runtime role call current_tenant and enter_tenant, the migration role only current_tenant", async () => {
    const rows = await t.admin<{ role: string; fn: string }[]>`
      select r.rolname as role, p.proname as fn from pg_proc p
      cross join (select rolname from pg_roles where rolname in ('plugin_links_runtime', 'plugin_links_migrate')) r
      where p.pronamespace = 'app'::regnamespace and has_function_privilege(r.rolname, p.oid, 'EXECUTE')
      order by 1, 2`;
    expect(rows).toEqual([
      { role: "plugin_links_migrate", fn: "current_tenant" },
      { role: "plugin_links_migrate", fn: "current_user_id" },
      { role: "plugin_links_runtime", fn: "current_tenant" },
      { role: "plugin_links_runtime", fn: "current_user_id" },
      { role: "plugin_links_runtime", fn: "enter_tenant" },
    ]);
  });

  it("rejects plugin ids that are not slugs before touching the database", async () => {
    for (const pluginId of ["Links", "a_b", "x; drop role postgres", ""]) {
      const error = await failureOf(
        provisionPlugin(t.admin, { pluginId, hostSecret: HOST_SECRET }),
      );
      expect(error.message).toMatch(/plugin id must be a lowercase slug/);
    }
  });
});

describe("ensurePluginContextKey", () => {
  it("leaves the key alone for the same secret and rotates it for a new one", async () => {
    expect((await ensurePluginContextKey(t.admin, HOST_SECRET)).changed).toBe(false);
    const rotated = await ensurePluginContextKey(t.admin, `${HOST_SECRET}-rotated`);
    expect(rotated.changed).toBe(true);
    expect(rotated.hostToken).not.toBe(w.hostToken);
    const runtime = login(w.links.runtimeUrl);
    try {
      const old = await failureOf(
        runtime.begin((tx) => tx`select app.enter_tenant(${w.seed.agencyA}, ${w.hostToken})`),
      );
      expect(old.message).toMatch(/host token rejected/);
    } finally {
      await runtime.end();
      await ensurePluginContextKey(t.admin, HOST_SECRET);
    }
  });
});
