import { beforeAll, describe, expect, it } from "vitest";
import { insertCatalogVersion } from "../../core/test/plugin-catalog";
import { SETTINGS_SCHEMA } from "../../core/test/plugins/release";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;
const ALPHA = "alpha.omnify.test";
const CAPS = { secrets: ["apiKey"] };
const crm = { pluginId: "crm" } as const;

const member = () => api.as(ALPHA, s.w.alpha, s.w.users.member.id);

/** Gives alpha's plain member a custom role holding `grants` (empty: back to the fixed role). */
async function grantMember(grants: string[] | null) {
  if (!grants) {
    await s.t.admin`update memberships set custom_role_id = null
      where tenant_id = ${s.w.alpha} and user_id = ${s.w.users.member.id}`;
    return;
  }
  const [role] = await s.t.admin<{ id: string }[]>`
    insert into custom_roles (tenant_id, name, permissions)
    values (${s.w.alpha}, ${`Role ${grants.join(" ")}`}, ${grants}) returning id`;
  await s.t.admin`update memberships set custom_role_id = ${role?.id ?? null}
    where tenant_id = ${s.w.alpha} and user_id = ${s.w.users.member.id}`;
}

beforeAll(async () => {
  for (const version of ["1.0.0", "1.1.0"])
    await insertCatalogVersion(s.t.admin, {
      pluginId: "crm",
      version,
      capabilities: CAPS,
      settingsSchema: SETTINGS_SCHEMA,
    });
  const owner = await api.as(ALPHA, s.w.alpha, s.w.users.owner.id);
  await owner.plugins.install({ ...crm, version: "1.0.0", consentedCapabilities: CAPS });
});

describe("plugin routes ask authorize for plugins.install / plugins.configure", () => {
  it("a plain member can neither configure nor install", async () => {
    await grantMember(null);
    const plain = await member();
    await trpcFailure(plain.plugins.getSettings(crm), "FORBIDDEN");
    await trpcFailure(
      plain.plugins.updateSettings({ ...crm, settings: { region: "us" } }),
      "FORBIDDEN",
    );
    await trpcFailure(plain.plugins.setSecret({ ...crm, name: "apiKey", value: "k" }), "FORBIDDEN");
    await trpcFailure(plain.plugins.disable(crm), "FORBIDDEN");
  });

  it("a custom role with plugins:write configures settings, secrets and status, but cannot install or uninstall", async () => {
    await grantMember(["plugins:write"]);
    const editor = await member();
    expect((await editor.plugins.getSettings(crm)).settings).toMatchObject({ region: "eu" });
    expect(
      await editor.plugins.updateSettings({ ...crm, settings: { region: "us", pageSize: 20 } }),
    ).toEqual({ settings: { region: "us", pageSize: 20 } });
    expect((await editor.plugins.setSecret({ ...crm, name: "apiKey", value: "k-1" })).name).toBe(
      "apiKey",
    );
    expect((await editor.plugins.disable(crm)).status).toBe("disabled");
    expect((await editor.plugins.enable(crm)).status).toBe("enabled");
    // Installing consents to capabilities; that stays with owners and admins.
    await trpcFailure(editor.plugins.uninstall(crm), "FORBIDDEN");
    await trpcFailure(
      editor.plugins.upgrade({ ...crm, version: "1.1.0", consentedCapabilities: CAPS }),
      "FORBIDDEN",
    );
    const [row] = await s.t.admin<{ settings: unknown; status: string }[]>`
      select settings, status from plugin_installations where tenant_id = ${s.w.alpha} and plugin_id = 'crm'`;
    expect(row).toEqual({ settings: { region: "us", pageSize: 20 }, status: "enabled" });
  });

  it("a custom role with only plugins:read configures nothing", async () => {
    await grantMember(["plugins:read"]);
    const reader = await member();
    await trpcFailure(reader.plugins.updateSettings({ ...crm, settings: {} }), "FORBIDDEN");
  });
});
