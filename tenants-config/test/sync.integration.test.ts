import { verifyPassword } from "@omnify/core/auth/password";
import { sql } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCatalogVersion } from "../../platform/core/test/plugin-catalog";
import { loadRegistry, syncTenants, type TenantDefinition } from "../src";
import { dumpTables } from "./db-dump";

const PASSWORD = "demo-password-test";
const ALL = [
  "evergreen",
  "northwind",
  "northwind/acme",
  "northwind/globex",
  "sunset",
  "sunset/bistro",
];

let t: TestDatabase;
let demo: TenantDefinition[];

beforeAll(async () => {
  t = await createTestDatabase();
  demo = await loadRegistry();
  // `npm start` registers built plugins before it syncs; the newest version is installed.
  await insertCatalogVersion(t.admin, { pluginId: "utm-links", version: "1.0.0" });
  await insertCatalogVersion(t.admin, { pluginId: "utm-links", version: "1.10.0" });
  await insertCatalogVersion(t.admin, { pluginId: "billboards", version: "1.0.0" });
});
afterAll(() => t?.drop());

/** A copy of the demo definitions with one agency changed. */
function withAgency(slug: string, change: (def: TenantDefinition) => TenantDefinition) {
  return demo.map((def) => (def.slug === slug ? change(structuredClone(def)) : def));
}

describe("syncTenants against PostgreSQL, as the app role", () => {
  it("creates the demo tenants, users, memberships, plugins and domain", async () => {
    const report = await syncTenants(t.app, demo, { demoPassword: PASSWORD });
    expect(report.created).toEqual(ALL);
    expect(report.updated).toEqual([]);

    const tenants = await t.admin`
      select t.slug, t.kind, p.slug as parent, t.name, t.theme_id, t.plan
      from tenants t left join tenants p on p.id = t.parent_id order by t.slug`;
    expect(tenants).toEqual([
      {
        slug: "acme",
        kind: "subaccount",
        parent: "northwind",
        name: "Acme Bakery",
        theme_id: "aurora",
        plan: "pro",
      },
      {
        slug: "bistro",
        kind: "subaccount",
        parent: "sunset",
        name: "Bistro Lumière",
        theme_id: "ember",
        plan: "basic",
      },
      {
        slug: "evergreen",
        kind: "agency",
        parent: null,
        name: "Evergreen Collective",
        theme_id: "grove",
        plan: "free",
      },
      {
        slug: "globex",
        kind: "subaccount",
        parent: "northwind",
        name: "Globex Fitness",
        theme_id: "grove",
        plan: "pro",
      },
      {
        slug: "northwind",
        kind: "agency",
        parent: null,
        name: "Northwind Media",
        theme_id: "aurora",
        plan: "pro",
      },
      {
        slug: "sunset",
        kind: "agency",
        parent: null,
        name: "Sunset Digital",
        theme_id: "ember",
        plan: "basic",
      },
    ]);

    const members = await t.admin`
      select t.slug, u.email::text as email, m.role from memberships m
      join tenants t on t.id = m.tenant_id join users u on u.id = m.user_id order by u.email`;
    expect(members).toEqual([
      { slug: "acme", email: "admin@acme.test", role: "subaccount_admin" },
      { slug: "bistro", email: "admin@bistro.test", role: "subaccount_admin" },
      { slug: "northwind", email: "admin@northwind.test", role: "agency_admin" },
      { slug: "northwind", email: "member@northwind.test", role: "agency_member" },
      { slug: "evergreen", email: "owner@evergreen.test", role: "agency_owner" },
      { slug: "northwind", email: "owner@northwind.test", role: "agency_owner" },
      { slug: "sunset", email: "owner@sunset.test", role: "agency_owner" },
      { slug: "globex", email: "staff@globex.test", role: "subaccount_member" },
    ]);

    const plugins = await t.admin`
      select t.slug, p.plugin_id, p.version, p.status, p.installed_by
      from plugin_installations p join tenants t on t.id = p.tenant_id order by t.slug, p.plugin_id`;
    const installed = { plugin_id: "utm-links", version: "1.10.0", status: "enabled" };
    expect(plugins).toEqual([
      { slug: "acme", ...installed, installed_by: null },
      {
        slug: "northwind",
        plugin_id: "billboards",
        version: "1.0.0",
        status: "enabled",
        installed_by: null,
      },
      { slug: "northwind", ...installed, installed_by: null },
    ]);
    const created = await t.admin`select type from plugin_events order by type`;
    expect(created.map((e) => e.type)).toEqual(Array(ALL.length).fill("tenant.created"));

    const [domain] = await t.admin`
      select t.slug, d.hostname, d.status, d.verified_at is not null as stamped,
             length(d.verification_token) as token_length
      from tenant_domains d join tenants t on t.id = d.tenant_id`;
    expect(domain).toEqual({
      slug: "sunset",
      hostname: "portal.sunset.test",
      status: "verified",
      stamped: true,
      token_length: 32,
    });

    const [owner] =
      await t.admin`select password_hash from users where email = 'owner@northwind.test'`;
    expect(await verifyPassword(owner?.password_hash, PASSWORD)).toBe(true);
  });

  it("changes nothing on a second run", async () => {
    const before = await dumpTables(t.admin);
    const report = await syncTenants(t.app, demo, { demoPassword: "another-password" });
    expect(report).toEqual({ created: [], updated: [], unchanged: ALL, changes: [] });
    expect(await dumpTables(t.admin)).toEqual(before);
  });

  it("routes hosts to the synced tenants", async () => {
    const route = (agency: string | null, host: string | null, sub: string | null) =>
      t.app.withoutTenant((tx) =>
        tx.execute<{ slug: string; kind: string; agency_slug: string; theme_id: string }>(
          sql`select slug, kind, agency_slug, theme_id from app.route_tenant(${agency}::text, ${host}::text, ${sub}::text)`,
        ),
      );
    expect([...(await route("northwind", null, "acme"))]).toEqual([
      { slug: "acme", kind: "subaccount", agency_slug: "northwind", theme_id: "aurora" },
    ]);
    expect([...(await route(null, "portal.sunset.test", null))]).toEqual([
      { slug: "sunset", kind: "agency", agency_slug: "sunset", theme_id: "ember" },
    ]);
  });

  it("updates changed fields of only the tenants that changed", async () => {
    const changed = withAgency("northwind", (def) => {
      const [acme, globex] = def.subaccounts;
      if (!acme || !globex) throw new Error("demo northwind lost its sub-accounts");
      globex.theme = "ember";
      acme.name = "Acme Patisserie";
      def.plan = "enterprise";
      return def;
    });
    const before = await t.admin`select slug, updated_at from tenants where slug = 'sunset'`;
    const report = await syncTenants(t.app, changed);
    expect(report.updated).toEqual(["northwind", "northwind/acme", "northwind/globex"]);
    expect(report.changes).toEqual([
      "northwind: plan pro → enterprise",
      'northwind/acme: name "Acme Bakery" → "Acme Patisserie"',
      // Sub-accounts without a plan of their own follow the agency's.
      "northwind/acme: plan pro → enterprise",
      "northwind/globex: theme grove → ember",
      "northwind/globex: plan pro → enterprise",
    ]);
    const rows = await t.admin`
      select slug, name, theme_id, plan from tenants where slug in ('acme', 'globex') order by slug`;
    expect(rows).toEqual([
      { slug: "acme", name: "Acme Patisserie", theme_id: "aurora", plan: "enterprise" },
      { slug: "globex", name: "Globex Fitness", theme_id: "ember", plan: "enterprise" },
    ]);
    expect(await t.admin`select slug, updated_at from tenants where slug = 'sunset'`).toEqual(
      before,
    );
    await syncTenants(t.app, demo);
  });
});
