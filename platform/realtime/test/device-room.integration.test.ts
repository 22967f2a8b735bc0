import { randomUUID } from "node:crypto";
import { publishDeviceEvent, publishTenantEvent } from "@omnify/core/realtime/publish";
import { signDeviceRealtimeToken, signRealtimeToken } from "@omnify/core/realtime/token";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRealtimeGateway, type RealtimeGateway } from "../src/gateway";
import { connectedSocket, nextEvent } from "./sockets";

const secret = "gateway-test-secret-0123";

let t: TestDatabase;
let gateway: RealtimeGateway;
const sockets: Socket[] = [];
const ids = { tenantA: randomUUID(), tenantB: randomUUID(), screenA: "", screenB: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  gateway = await createRealtimeGateway({
    db: t.app,
    secret,
    port: 0,
    host: "127.0.0.1",
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
  });
  await t.admin`insert into tenants (id, kind, slug, name, theme_id) values
    (${ids.tenantA}, 'agency', 'screens-a', 'Screens A', 'aurora'),
    (${ids.tenantB}, 'agency', 'screens-b', 'Screens B', 'aurora')`;
  const [a] = await t.admin<{ id: string }[]>`insert into devices (tenant_id, name)
    values (${ids.tenantA}, 'Lobby A') returning id`;
  const [b] = await t.admin<{ id: string }[]>`insert into devices (tenant_id, name)
    values (${ids.tenantB}, 'Lobby B') returning id`;
  ids.screenA = a?.id ?? "";
  ids.screenB = b?.id ?? "";
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await gateway?.close();
  await t?.drop();
});

const connected = (token: string) => connectedSocket(gateway.port, token, sockets);
const screen = (tenantId: string, deviceId: string) =>
  connected(signDeviceRealtimeToken({ tenantId, deviceId }, secret));
const member = (tenantId: string) =>
  connected(signRealtimeToken({ tenantId, userId: randomUUID() }, secret));

const toScreen = (tenantId: string, deviceId: string, type: string) =>
  t.app.withTenant(tenantId, (tx) => publishDeviceEvent(tx, deviceId, type, { payload: { v: 1 } }));

describe("device rooms", () => {
  it("delivers a device event to that screen only, and tenant events never to screens", async () => {
    const a = await screen(ids.tenantA, ids.screenA);
    const b = await screen(ids.tenantB, ids.screenB);
    const staff = await member(ids.tenantA);
    const arrival = nextEvent(a.socket, "plugin.billboards.schedule");
    await toScreen(ids.tenantA, ids.screenA, "plugin.billboards.schedule");
    expect(await arrival).toEqual({
      type: "plugin.billboards.schedule",
      data: { payload: { v: 1 } },
    });

    // Markers later on the same LISTEN connection prove the earlier events were not just late.
    const staffMarker = nextEvent(staff.socket, "marker.staff");
    const bMarker = nextEvent(b.socket, "marker.b");
    await t.app.withTenant(ids.tenantA, (tx) => publishTenantEvent(tx, "marker.staff", {}));
    await toScreen(ids.tenantB, ids.screenB, "marker.b");
    await Promise.all([staffMarker, bMarker]);
    expect(staff.events.map((e) => e.type)).toEqual(["marker.staff"]);
    expect(b.events.map((e) => e.type)).toEqual(["marker.b"]);
    expect(a.events.map((e) => e.type)).toEqual(["plugin.billboards.schedule"]);
  });

  it("refuses to publish to another tenant's screen (RLS hides it)", async () => {
    await expect(toScreen(ids.tenantB, ids.screenA, "sneaky")).rejects.toThrow(/No active screen/);
  });

  it("drops an event whose tenant does not own the device", async () => {
    const a = await screen(ids.tenantA, ids.screenA);
    // Not reachable through publishDeviceEvent (RLS hides tenant A's screen from tenant B);
    // written as the superuser to prove the gateway checks the row's tenant against the token.
    const [row] = await t.admin<{ id: string }[]>`insert into realtime_events
      (tenant_id, device_id, type, data) values (${ids.tenantB}, ${ids.screenA}, 'forged', '{}')
      returning id`;
    await t.admin`select pg_notify('omnify_events', ${row?.id ?? ""})`;
    const marker = nextEvent(a.socket, "marker.a");
    await toScreen(ids.tenantA, ids.screenA, "marker.a");
    await marker;
    expect(a.events.map((e) => e.type)).toEqual(["marker.a"]);
  });

  it("disconnects a screen when its token expires, like a member's", async () => {
    // `exp` is in whole seconds: a TTL of 2 leaves at least one second to connect.
    const { socket } = await connected(
      signDeviceRealtimeToken({ tenantId: ids.tenantA, deviceId: ids.screenA }, secret, 2),
    );
    const reason = await new Promise<string>((resolve) => socket.once("disconnect", resolve));
    expect(reason).toBe("io server disconnect");
  });
});
