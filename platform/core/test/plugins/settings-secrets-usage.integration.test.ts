import { beforeAll, describe, expect, it } from "vitest";
import { installPlugin } from "../../src/plugins/install-plugin";
import {
  getPluginSettings,
  setPluginSecret,
  updatePluginSettings,
} from "../../src/plugins/plugin-settings";
import { readPluginSecret } from "../../src/plugins/secrets/store";
import { SettingsValidationError } from "../../src/plugins/settings";
import { domainFailure, setupWorld } from "../helpers";
import { insertCatalogVersion } from "../plugin-catalog";
import { SETTINGS_SCHEMA } from "./release";

const s = setupWorld();
const SECRET = "omnify-secret-for-tests-0123456789";
const CAPS = { secrets: ["apiKey"] };
const owner = () => ({ userId: s.w.users.owner.id, role: "agency_owner" as const });

beforeAll(async () => {
  await insertCatalogVersion(s.t.admin, {
    pluginId: "crm",
    version: "1.0.0",
    capabilities: CAPS,
    settingsSchema: SETTINGS_SCHEMA,
  });
  await installPlugin(s.t.app, {
    tenantId: s.w.alpha,
    actor: owner(),
    pluginId: "crm",
    version: "1.0.0",
    consentedCapabilities: CAPS,
    hostApiVersion: "1.0.0",
  });
});

const update = (settings: unknown) =>
  updatePluginSettings(s.t.app, { tenantId: s.w.alpha, actor: owner(), pluginId: "crm", settings });
const stored = async () =>
  (await s.t.admin`select settings from plugin_installations where plugin_id = 'crm'`)[0]?.settings;

describe("settings", () => {
  it("were stored with the schema's defaults at install", async () => {
    expect(await stored()).toEqual({ region: "eu", pageSize: 50 });
  });

  it("are validated on the server; errors name each field and nothing is written", async () => {
    const error = await domainFailure(update({ region: "mars", pageSize: 0, webhook: "nope" }));
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect(error.field).toBe("region");
    const fields = (error as SettingsValidationError).issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["region", "pageSize", "webhook"]));
    const unknown = await domainFailure(update({ colour: "red" }));
    expect(unknown.field).toBe("colour");
    expect(await stored()).toEqual({ region: "eu", pageSize: 50 });
  });

  it("accept valid values", async () => {
    await update({ region: "us", pageSize: 10, webhook: "https://hooks.example.com/x" });
    expect(await stored()).toEqual({
      region: "us",
      pageSize: 10,
      webhook: "https://hooks.example.com/x",
    });
  });
});

describe("secrets", () => {
  const set = (name: string, value: string) =>
    setPluginSecret(s.t.app, {
      tenantId: s.w.alpha,
      actor: owner(),
      pluginId: "crm",
      name,
      value,
      omnifySecret: SECRET,
    });
  const read = (tenantId: string, secret = SECRET) =>
    s.t.app.withTenant(tenantId, (tx) =>
      readPluginSecret(tx, { tenantId, pluginId: "crm", name: "apiKey" }, secret),
    );

  it("round-trip through envelope encryption and are never stored in clear", async () => {
    await set("apiKey", "sk_live_first");
    await set("apiKey", "sk_live_second");
    expect(await read(s.w.alpha)).toBe("sk_live_second");
    const [row] = await s.t.admin`select * from plugin_secrets`;
    expect(JSON.stringify(row)).not.toContain("sk_live");
    expect(row?.key_version).toBe(1);
  });

  it("cannot be read with another OMNIFY_SECRET, or from another tenant", async () => {
    await expect(read(s.w.alpha, "a-different-secret-0123456789")).rejects.toThrow();
    expect(await read(s.w.beta)).toBeNull();
  });

  it("fail to decrypt when a ciphertext is moved to another name", async () => {
    await s.t
      .admin`insert into plugin_secrets (tenant_id, plugin_id, name, ciphertext, iv, tag, wrapped_key, key_version)
      select tenant_id, plugin_id, 'copy', ciphertext, iv, tag, wrapped_key, key_version from plugin_secrets where name = 'apiKey'`;
    const copy = s.t.app.withTenant(s.w.alpha, (tx) =>
      readPluginSecret(tx, { tenantId: s.w.alpha, pluginId: "crm", name: "copy" }, SECRET),
    );
    await expect(copy).rejects.toThrow();
    await s.t.admin`delete from plugin_secrets where name = 'copy'`;
  });

  it("must be declared, and only their names come back from settings", async () => {
    expect((await domainFailure(set("other", "x"))).field).toBe("name");
    const page = await s.t.app.withTenant(s.w.alpha, (tx) =>
      getPluginSettings(tx, s.w.alpha, "crm"),
    );
    expect(page.secrets).toEqual([{ name: "apiKey", updatedAt: expect.any(Date) }]);
    expect(JSON.stringify(page)).not.toContain("sk_live");
  });
});
