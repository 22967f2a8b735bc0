import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertCatalogVersion } from "../../platform/core/test/plugin-catalog";
import { syncTenants, TenantConfigError, type TenantInput } from "../src";
import evergreen from "../src/tenants/evergreen";
import northwind from "../src/tenants/northwind";
import sunset from "../src/tenants/sunset";
import { dumpTables, rowCounts } from "./db-dump";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t?.drop());

const EMPTY = {
  tenants: 0,
  tenant_domains: 0,
  plugin_installations: 0,
  plugin_events: 0,
  users: 0,
  memberships: 0,
};

async function syncError(defs: TenantInput[], opts = {}): Promise<Error> {
  const error = await syncTenants(t.app, defs, opts).then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error("sync should have failed");
  return error;
}

describe("syncTenants writes nothing it should not", () => {
  it("refuses an invalid definition before writing anything, even valid siblings", async () => {
    const bad = { ...sunset, theme: "neon" } as unknown as TenantInput;
    const error = await syncError([evergreen, northwind, bad]);
    expect(error).toBeInstanceOf(TenantConfigError);
    expect(error.message).toBe(
      'agency "sunset": theme: Invalid option: expected one of "aurora"|"ember"|"grove"',
    );
    expect(await rowCounts(t.admin)).toEqual(EMPTY);
  });

  it("refuses a too-short demo password before writing anything", async () => {
    const error = await syncError([evergreen], { demoPassword: "short" });
    expect(error.message).toMatch(/demo password must be at least 10 characters/);
    expect(await rowCounts(t.admin)).toEqual(EMPTY);
  });

  it("refuses a custom domain already verified for another agency", async () => {
    await syncTenants(t.app, [sunset]);
    const before = await dumpTables(t.admin);
    const thief = { ...evergreen, domains: [{ hostname: "portal.sunset.test" }] };
    const error = await syncError([thief]);
    expect(error.message).toBe(
      'agency "evergreen": domains[0].hostname: "portal.sunset.test" is already verified for agency "sunset" in the database',
    );
    expect(await dumpTables(t.admin)).toEqual(before);
  });

  it("rolls back the whole agency when a write fails midway", async () => {
    await syncTenants(t.app, [evergreen, sunset]);
    // A pending domain is invisible to routing, so only the insert itself can find the clash.
    const [owner] = await t.admin`select id from tenants where slug = 'evergreen'`;
    await t.admin`insert into tenant_domains (tenant_id, hostname, verification_token)
      values (${owner?.id}, 'taken.example.test', ${randomUUID()})`;
    const before = await dumpTables(t.admin);
    const grown = {
      ...sunset,
      name: "Sunset Digital Group",
      subaccounts: [...(sunset.subaccounts ?? []), { slug: "cafe", name: "Café", members: [] }],
      domains: [...(sunset.domains ?? []), { hostname: "taken.example.test" }],
    };
    const error = await syncError([grown]);
    expect(error.message).toBe(
      'custom domain "taken.example.test" already belongs to another tenant',
    );
    expect(await dumpTables(t.admin)).toEqual(before);
  });
});

describe("syncTenants ownership rules", () => {
  it("uninstalls unlisted plugins it installed, keeping admins' installs, members and domains", async () => {
    for (const pluginId of ["utm-links", "billboards"])
      await insertCatalogVersion(t.admin, { pluginId, version: "1.0.0" });
    await syncTenants(t.app, [northwind]);
    const [agency] = await t.admin`select id from tenants where slug = 'northwind'`;
    const userId = randomUUID();
    await t.admin`insert into users (id, email, name) values (${userId}, 'invited@portal.test', 'Ivy')`;
    await t.admin`insert into memberships (tenant_id, user_id, role)
      values (${agency?.id}, ${userId}, 'agency_member')`;
    for (const pluginId of ["stray", "admins-own"])
      await insertCatalogVersion(t.admin, { pluginId, version: "1.0.0" });
    await t.admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities, installed_by)
      values (${agency?.id}, 'stray', '1.0.0', '{}', null),
             (${agency?.id}, 'admins-own', '1.0.0', '{}', ${userId})`;
    await t.admin`insert into tenant_domains (tenant_id, hostname, verification_token)
      values (${agency?.id}, 'own.northwind.test', 'x')`;

    const report = await syncTenants(t.app, [northwind]);
    expect(report.changes).toEqual(["northwind: plugin -stray"]);
    const statuses = await t.admin`select plugin_id, status from plugin_installations
      where tenant_id = ${agency?.id} order by plugin_id`;
    expect(statuses).toEqual([
      { plugin_id: "admins-own", status: "enabled" },
      { plugin_id: "billboards", status: "enabled" },
      { plugin_id: "stray", status: "uninstalled" },
      { plugin_id: "utm-links", status: "enabled" },
    ]);
    const kept = await t.admin`select 1 from memberships where user_id = ${userId}`;
    expect(kept).toHaveLength(1);
    expect(
      await t.admin`select 1 from tenant_domains where hostname = 'own.northwind.test'`,
    ).toHaveLength(1);
  });

  it("corrects a listed member's role but never rewrites an existing user", async () => {
    await syncTenants(t.app, [evergreen]);
    await t.admin`update users set name = 'Renamed', password_hash = 'portal-hash'
      where email = 'owner@evergreen.test'`;
    await t.admin`update memberships set role = 'agency_admin'`;
    const report = await syncTenants(t.app, [evergreen], { demoPassword: "demo-password-1" });
    expect(report.changes).toEqual([
      "evergreen: member owner@evergreen.test agency_admin → agency_owner",
    ]);
    const [user] = await t.admin`select name, password_hash from users`;
    expect(user).toEqual({ name: "Renamed", password_hash: "portal-hash" });
  });

  it("creates users without a password unless a demo password is given", async () => {
    await syncTenants(t.app, [evergreen]);
    const [user] = await t.admin`select password_hash from users`;
    expect(user?.password_hash).toBeNull();
  });
});
