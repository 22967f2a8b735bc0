import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { type Seed, seedTwoTenants } from "./fixtures";

let t: TestDatabase;
let seed: Seed;
beforeAll(async () => {
  t = await createTestDatabase();
  seed = await seedTwoTenants(t.admin);
});
afterAll(() => t?.drop());

const failure = (work: Promise<unknown>) =>
  work.then(
    () => "",
    (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
  );

describe("plugin catalog (plugin_versions)", () => {
  it("is readable by every tenant and by tenant-less system code", async () => {
    const seen = (tenant?: string) =>
      (tenant
        ? t.app.withTenant(tenant, (tx) => tx.execute(sql`select plugin_id from plugin_versions`))
        : t.app.withoutTenant((tx) => tx.execute(sql`select plugin_id from plugin_versions`))
      ).then((rows) => rows.length);
    expect(await seen(seed.agencyA)).toBe(1);
    expect(await seen(seed.agencyB)).toBe(1);
    expect(await seen()).toBe(1);
  });

  it("cannot be written by the app role", async () => {
    const insert = sql`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256)
      values ('evil', '1.0.0', '{}', '', ${"1".repeat(64)})`;
    expect(await failure(t.app.withTenant(seed.agencyA, (tx) => tx.execute(insert)))).toMatch(
      /permission denied/,
    );
    const update = sql`update plugin_versions set server_code = 'x'`;
    expect(await failure(t.app.withTenant(seed.agencyA, (tx) => tx.execute(update)))).toMatch(
      /permission denied/,
    );
    const del = sql`delete from plugin_versions`;
    expect(await failure(t.app.withoutTenant((tx) => tx.execute(del)))).toMatch(
      /permission denied/,
    );
  });

  it("refuses updates even from the owner, by trigger", async () => {
    const error = await failure(t.admin`update plugin_versions set server_code = 'changed'`);
    expect(error).toMatch(/immutable.*bump the version/);
  });

  it("lists installations and outbox tenants to system jobs through definer functions only", async () => {
    await t.admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities)
      values (${seed.agencyB}, 'fixture-plugin', '1.0.0', '{}')`;
    await t.admin`insert into plugin_events (tenant_id, type, payload, source)
      values (${seed.agencyA}, 'x.y', '{}', 'core')`;
    const index = await t.app.withoutTenant((tx) =>
      tx.execute(sql`select tenant_id, plugin_id, status from app.plugin_installation_index()`),
    );
    expect(index).toEqual([
      { tenant_id: seed.agencyB, plugin_id: "fixture-plugin", status: "enabled" },
    ]);
    const pending = await t.app.withoutTenant((tx) =>
      tx.execute(sql`select tenant_id from app.plugin_event_tenants()`),
    );
    expect(pending).toEqual([{ tenant_id: seed.agencyA }]);
    const direct = await t.app.withoutTenant((tx) =>
      tx.execute(sql`select count(*)::int as n from plugin_installations`),
    );
    expect(direct[0]?.n).toBe(0);
  });
});
