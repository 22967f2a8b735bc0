import { type AppDatabase, createAppDatabase } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerPluginVersion } from "../../src/plugins/register-version";
import { domainFailure } from "../helpers";
import { fakeRelease } from "./release";

let t: TestDatabase;
let registrar: AppDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  registrar = createAppDatabase(t.adminUrl, { max: 2 });
});
afterAll(async () => {
  await registrar?.close();
  await t?.drop();
});

describe("registerPluginVersion", () => {
  it("is idempotent for the same build", async () => {
    const release = fakeRelease(
      { pluginId: "crm", version: "1.0.0" },
      { "0001_init.sql": "create table x ()" },
    );
    expect(await registerPluginVersion(registrar, release)).toEqual({
      pluginId: "crm",
      version: "1.0.0",
      created: true,
    });
    expect(await registerPluginVersion(registrar, release)).toMatchObject({ created: false });
    const rows = await t.admin`select migrations from plugin_versions where plugin_id = 'crm'`;
    expect(rows).toEqual([
      {
        migrations: [expect.objectContaining({ name: "0001_init.sql", sql: "create table x ()" })],
      },
    ]);
  });

  it("refuses a different build under a registered version: bump the version", async () => {
    const changed = fakeRelease({ pluginId: "crm", version: "1.0.0", code: "/* other code */" });
    const error = await domainFailure(registerPluginVersion(registrar, changed));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/bump the version/);
    const [row] = await t.admin`select server_code from plugin_versions where plugin_id = 'crm'`;
    expect(row?.server_code).toBe("/* crm@1.0.0 */");
  });

  it("refuses a record whose code or migrations do not match their hashes", async () => {
    const release = fakeRelease({ pluginId: "crm", version: "1.1.0" }, { "0001.sql": "select 1" });
    const badCode = await domainFailure(
      registerPluginVersion(registrar, { ...release, serverCode: "tampered" }),
    );
    expect(badCode.message).toMatch(/sha256 mismatch/);
    const badSql = await domainFailure(
      registerPluginVersion(registrar, { ...release, migrationSql: { "0001.sql": "drop" } }),
    );
    expect(badSql.message).toMatch(/migration 0001.sql/);
  });

  it("cannot register through the app role, and rows stay immutable", async () => {
    const release = fakeRelease({ pluginId: "sneaky", version: "1.0.0" });
    await expect(registerPluginVersion(t.app, release)).rejects.toThrow();
    await expect(t.admin`update plugin_versions set server_code = 'x'`).rejects.toThrow(
      /immutable/,
    );
  });
});
