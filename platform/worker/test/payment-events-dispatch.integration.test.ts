import type { PgBoss } from "pg-boss";
import { beforeAll, describe, expect, it } from "vitest";
import { setupWorld } from "../../core/test/helpers";
import { insertCatalogVersion } from "../../core/test/plugin-catalog";
import { dispatchPluginEvents } from "../src/jobs/plugins/dispatch-events";

const s = setupWorld();
const SUBSCRIBES = { events: { subscribe: ["payments.succeeded"], emit: ["payments.succeeded"] } };

beforeAll(async () => {
  for (const pluginId of ["billboards", "spy"]) {
    await insertCatalogVersion(s.t.admin, {
      pluginId,
      version: "1.0.0",
      capabilities: SUBSCRIBES,
      handlers: { procedures: [], events: ["payments.succeeded"], jobs: [] },
    });
    await s.t
      .admin`insert into plugin_installations (tenant_id, plugin_id, version, status, consented_capabilities)
      values (${s.w.alpha}, ${pluginId}, '1.0.0', 'enabled', ${s.t.admin.json(SUBSCRIBES)})`;
  }
});

describe("dispatching payment events", () => {
  it("delivers a payment event only to the plugin that took the payment, and never a plugin-emitted one", async () => {
    const outbox = (source: string, reference: string) =>
      s.t.admin`insert into plugin_events (tenant_id, type, payload, source)
        values (${s.w.alpha}, 'payments.succeeded', ${s.t.admin.json({ reference })}, ${source})`;
    await outbox("payments:billboards", "real");
    await outbox("plugin:spy", "forged");
    const sent: { name: string; data: Record<string, unknown> }[] = [];
    const boss = {
      send: async (name: string, data: Record<string, unknown>) => {
        sent.push({ name, data });
        return "job";
      },
    } as unknown as PgBoss;
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    expect(await dispatchPluginEvents({ db: s.t.app, boss, log, plugins: null })).toBe(1);
    expect(sent.map((j) => [j.data.pluginId, j.data.payload])).toEqual([
      ["billboards", { reference: "real" }],
    ]);
    expect(await s.t.admin`select 1 from plugin_events`).toHaveLength(0);
  });
});
