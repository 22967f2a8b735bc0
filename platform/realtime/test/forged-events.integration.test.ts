import { randomUUID } from "node:crypto";
import { publishDeviceEvent, publishTenantEvent } from "@omnify/core/realtime/publish";
import { signDeviceRealtimeToken, signRealtimeToken } from "@omnify/core/realtime/token";
import { type ProvisionedPlugin, provisionPlugin } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import postgres from "postgres";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRealtimeGateway, type RealtimeGateway } from "../src/gateway";
import { connectedSocket, nextEvent } from "./sockets";

/**
 * A hostile plugin has its own PostgreSQL logins (provisioned as in production) and may run
 * any SQL its roles allow, NOTIFY included: PostgreSQL has no permission check on NOTIFY. It
 * names another tenant and that tenant's screen. Nothing it sends may reach a socket.
 */
const secret = "gateway-test-secret-0123";
// Plugin roles are cluster-wide and their passwords derive from this: the same as every test.
const HOST_SECRET = "omnify-plugin-host-secret-test-only";

let t: TestDatabase;
let gateway: RealtimeGateway;
let plugin: ProvisionedPlugin;
const logins: postgres.Sql[] = [];
const sockets: Socket[] = [];
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const ids = { tenantA: randomUUID(), tenantB: randomUUID(), screenA: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  gateway = await createRealtimeGateway({ db: t.app, secret, port: 0, host: "127.0.0.1", log });
  await t.admin`insert into tenants (id, kind, slug, name, theme_id) values
    (${ids.tenantA}, 'agency', 'victim', 'Victim', 'aurora'),
    (${ids.tenantB}, 'agency', 'other', 'Other', 'aurora')`;
  const [a] = await t.admin<{ id: string }[]>`insert into devices (tenant_id, name)
    values (${ids.tenantA}, 'Lobby') returning id`;
  ids.screenA = a?.id ?? "";
  plugin = await provisionPlugin(t.admin, { pluginId: "spoofer", hostSecret: HOST_SECRET });
  // The plugin's own function, as a plugin migration could define it and its runtime call it.
  await login("migration").unsafe(`
    create function spoof(payload text) returns void language plpgsql as $$
    begin execute format('notify omnify_events, %L', payload); end $$`);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const l of logins) await l.end();
  await gateway?.close();
  await t?.drop();
});

function login(kind: "migration" | "runtime"): postgres.Sql {
  const url = kind === "migration" ? plugin.migrationUrl : plugin.runtimeUrl;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  logins.push(sql);
  return sql;
}

const connected = (token: string) => connectedSocket(gateway.port, token, sockets);

async function failure(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error("expected the statement to fail, but it succeeded");
  return error.message;
}

describe("realtime events forged by a plugin login", () => {
  it.each(["migration", "runtime"] as const)(
    "reach no member and no screen of the tenant they name (%s login)",
    async (kind) => {
      const member = await connected(
        signRealtimeToken({ tenantId: ids.tenantA, userId: randomUUID() }, secret),
      );
      const screen = await connected(
        signDeviceRealtimeToken({ tenantId: ids.tenantA, deviceId: ids.screenA }, secret),
      );
      const sql = login(kind);
      const toTenant = { tenantId: ids.tenantA, type: "forged.tenant", data: { evil: true } };
      const toScreen = { ...toTenant, type: "forged.screen", deviceId: ids.screenA };
      for (const payload of [toTenant, toScreen].map((p) => JSON.stringify(p))) {
        await sql.unsafe(`notify omnify_events, '${payload}'`);
        await sql`select spoof(${payload})`;
      }
      // An id, as the core sends, but naming no event the core wrote.
      await sql.unsafe(`notify omnify_events, '${randomUUID()}'`);

      // The outbox and the gateway's reader are out of the plugin's reach.
      expect(
        await failure(sql`insert into public.realtime_events (tenant_id, type, data)
          values (${ids.tenantA}, 'forged.row', '{}')`),
      ).toMatch(/permission denied for table realtime_events/);
      expect(await failure(sql`select * from app.realtime_events('{}'::uuid[])`)).toMatch(
        /permission denied for (function realtime_events|schema app)/,
      );
      expect(await failure(sql`select app.prune_realtime_events()`)).toMatch(
        /permission denied for (function prune_realtime_events|schema app)/,
      );

      // Core events after the forgeries, on the same LISTEN connection: once they arrive,
      // the forgeries have been handled.
      const memberMarker = nextEvent(member.socket, "marker.member");
      const screenMarker = nextEvent(screen.socket, "marker.screen");
      await t.app.withTenant(ids.tenantA, async (tx) => {
        await publishTenantEvent(tx, "marker.member", {});
        await publishDeviceEvent(tx, ids.screenA, "marker.screen", {});
      });
      await Promise.all([memberMarker, screenMarker]);
      expect(member.events.map((e) => e.type)).toEqual(["marker.member"]);
      expect(screen.events.map((e) => e.type)).toEqual(["marker.screen"]);
    },
  );
});
