import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { installPlugin } from "../../src/plugins/install-plugin";
import { purgeUninstalledPlugins } from "../../src/plugins/purge-uninstalled";
import { setPluginStatus } from "../../src/plugins/set-plugin-status";
import { upgradePlugin } from "../../src/plugins/upgrade-plugin";
import { collectEvents, domainFailure, setupWorld } from "../helpers";
import { insertCatalogVersion } from "../plugin-catalog";

const s = setupWorld();
const HOST = "1.0.0";
const V1 = { events: { subscribe: ["member.joined"] } };
const V2_SAME = { events: { subscribe: ["member.joined"] } };
const V3_MORE = { ...V1, secrets: ["apiKey"], meters: [{ name: "sent", aggregation: "sum" }] };

beforeAll(async () => {
  await insertCatalogVersion(s.t.admin, { pluginId: "crm", version: "1.0.0", capabilities: V1 });
  await insertCatalogVersion(s.t.admin, {
    pluginId: "crm",
    version: "1.1.0",
    capabilities: V2_SAME,
  });
  await insertCatalogVersion(s.t.admin, {
    pluginId: "crm",
    version: "2.0.0",
    capabilities: V3_MORE,
  });
  await insertCatalogVersion(s.t.admin, {
    pluginId: "future",
    version: "1.0.0",
    hostApi: "^2.0.0",
  });
});
beforeEach(async () => {
  await s.t.admin`delete from plugin_installations`;
  await s.t.admin`delete from plugin_events`;
});

const owner = () => ({ userId: s.w.users.owner.id, role: "agency_owner" as const });
const install = (over: Record<string, unknown> = {}) =>
  installPlugin(s.t.app, {
    tenantId: s.w.alpha,
    actor: owner(),
    pluginId: "crm",
    version: "1.0.0",
    consentedCapabilities: V1,
    hostApiVersion: HOST,
    ...over,
  });
const rows = () =>
  s.t
    .admin`select tenant_id, plugin_id, version, status, consented_capabilities from plugin_installations`;
const outbox = async () =>
  (await s.t.admin`select type from plugin_events order by created_at`).map((r) => r.type);

describe("install", () => {
  it("stores the consent and the installer, and tells browsers and plugins", async () => {
    const events = await collectEvents(s.t.app, () => install());
    expect(await rows()).toEqual([
      {
        tenant_id: s.w.alpha,
        plugin_id: "crm",
        version: "1.0.0",
        status: "enabled",
        consented_capabilities: V1,
      },
    ]);
    expect(events).toEqual([
      {
        tenantId: s.w.alpha,
        type: "plugin.installed",
        data: { pluginId: "crm", version: "1.0.0" },
      },
    ]);
    expect(await outbox()).toEqual(["plugin.installed"]);
  });

  it("is for owners and admins only", async () => {
    const error = await domainFailure(
      install({ actor: { userId: s.w.users.member.id, role: "agency_member" } }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(await rows()).toEqual([]);
  });

  it("refuses consent that differs from the version's capabilities, writing nothing", async () => {
    for (const consent of [{}, V3_MORE, "yes"]) {
      const error = await domainFailure(install({ consentedCapabilities: consent }));
      expect(error.field).toBe("consentedCapabilities");
    }
    expect(await rows()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it("refuses a version whose hostApi excludes this host", async () => {
    const error = await domainFailure(install({ pluginId: "future", consentedCapabilities: {} }));
    expect(error.message).toMatch(/needs host API \^2.0.0/);
  });

  it("refuses a second install but allows a re-install after uninstalling", async () => {
    await install();
    expect((await domainFailure(install())).code).toBe("CONFLICT");
    await setPluginStatus(s.t.app, {
      tenantId: s.w.alpha,
      actor: owner(),
      pluginId: "crm",
      change: "uninstall",
    });
    await install();
    expect((await rows())[0]?.status).toBe("enabled");
  });
});

describe("upgrade", () => {
  const upgrade = (version: string, consentedCapabilities?: unknown) =>
    upgradePlugin(s.t.app, {
      tenantId: s.w.alpha,
      actor: owner(),
      pluginId: "crm",
      version,
      consentedCapabilities,
      hostApiVersion: HOST,
    });

  it("needs no new consent when capabilities did not grow", async () => {
    await install();
    expect(await upgrade("1.1.0")).toMatchObject({ version: "1.1.0", addedCapabilities: [] });
  });

  it("refuses without re-consent when capabilities grew, then accepts with it", async () => {
    await install();
    const error = await domainFailure(upgrade("2.0.0"));
    expect(error.field).toBe("consentedCapabilities");
    expect(error.message).toMatch(/meter:sent, secret:apiKey/);
    expect((await rows())[0]?.version).toBe("1.0.0");
    const done = await upgrade("2.0.0", V3_MORE);
    expect(done.addedCapabilities).toEqual(["meter:sent", "secret:apiKey"]);
    expect((await rows())[0]).toMatchObject({ version: "2.0.0", consented_capabilities: V3_MORE });
  });

  it("refuses going sideways or back", async () => {
    await install({ version: "1.1.0", consentedCapabilities: V2_SAME });
    expect((await domainFailure(upgrade("1.0.0"))).field).toBe("version");
  });
});

describe("enable, disable, uninstall and purge", () => {
  const change = (c: "enable" | "disable" | "uninstall") =>
    setPluginStatus(s.t.app, { tenantId: s.w.alpha, actor: owner(), pluginId: "crm", change: c });

  it("moves through the states and sends one event per real change", async () => {
    await install();
    expect((await change("disable")).status).toBe("disabled");
    await change("disable");
    expect((await change("enable")).status).toBe("enabled");
    expect((await change("uninstall")).status).toBe("uninstalled");
    expect((await domainFailure(change("enable"))).code).toBe("NOT_FOUND");
    expect(await outbox()).toEqual([
      "plugin.installed",
      "plugin.disabled",
      "plugin.enabled",
      "plugin.uninstalled",
    ]);
  });

  it("purges only after the grace period, plugin data first", async () => {
    await install();
    await s.t
      .admin`insert into plugin_secrets (tenant_id, plugin_id, name, ciphertext, iv, tag, wrapped_key, key_version)
      values (${s.w.alpha}, 'crm', 'apiKey', 'x', 'x', 'x', 'x', 1)`;
    await change("uninstall");
    const purgedData: string[] = [];
    const purgeData = async (tenantId: string, pluginId: string) => {
      purgedData.push(`${tenantId}/${pluginId}`);
    };
    expect(await purgeUninstalledPlugins(s.t.app, { purgeData })).toEqual([]);
    expect(await rows()).toHaveLength(1);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await purgeUninstalledPlugins(s.t.app, { purgeData, now: later })).toEqual([
      { tenantId: s.w.alpha, pluginId: "crm" },
    ]);
    expect(purgedData).toEqual([`${s.w.alpha}/crm`]);
    expect(await rows()).toEqual([]);
    expect(await s.t.admin`select 1 from plugin_secrets`).toHaveLength(0);
  });
});
