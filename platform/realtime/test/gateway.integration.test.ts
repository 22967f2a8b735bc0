import { randomUUID } from "node:crypto";
import { publishTenantEvent } from "@omnify/core/realtime/publish";
import { signRealtimeToken } from "@omnify/core/realtime/token";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UNAUTHORIZED } from "../src/auth";
import { createRealtimeGateway, type RealtimeGateway } from "../src/gateway";
import { connectedSocket, nextEvent, openSocket } from "./sockets";

const secret = "gateway-test-secret-0123";
const tenantA = randomUUID();
const tenantB = randomUUID();

let t: TestDatabase;
let gateway: RealtimeGateway;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  gateway = await createRealtimeGateway({ db: t.app, secret, port: 0, host: "127.0.0.1", log });
  // Events are rows of realtime_events, which belong to real tenants.
  await t.admin`insert into tenants (id, kind, slug, name, theme_id) values
    (${tenantA}, 'agency', 'gateway-a', 'Gateway A', 'aurora'),
    (${tenantB}, 'agency', 'gateway-b', 'Gateway B', 'aurora')`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await gateway?.close();
  await t?.drop();
});

const open = (token: unknown) => openSocket(gateway.port, token, sockets);

/** A connected client for a tenant, and every event it receives. */
const client = (tenantId: string) =>
  connectedSocket(
    gateway.port,
    signRealtimeToken({ tenantId, userId: randomUUID() }, secret),
    sockets,
  );

const publish = (tenantId: string, type: string, data: Record<string, unknown> = {}) =>
  t.app.withTenant(tenantId, (tx) => publishTenantEvent(tx, type, data));

describe("realtime gateway", () => {
  it("answers /healthz", async () => {
    const res = await fetch(`http://127.0.0.1:${gateway.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("delivers a committed event only to the publishing tenant's clients", async () => {
    const a1 = await client(tenantA);
    const a2 = await client(tenantA);
    const b = await client(tenantB);
    const arrivals = [nextEvent(a1.socket, "lead.created"), nextEvent(a2.socket, "lead.created")];
    const markerForB = nextEvent(b.socket, "marker.b");

    await publish(tenantA, "lead.created", { id: 7 });
    expect(await Promise.all(arrivals)).toEqual([
      { type: "lead.created", data: { id: 7 } },
      { type: "lead.created", data: { id: 7 } },
    ]);
    // One LISTEN connection relays in commit order, so B's later marker proves A's event
    // was not merely late for B.
    await publish(tenantB, "marker.b");
    await markerForB;
    expect(b.events.map((e) => e.type)).toEqual(["marker.b"]);
  });

  it("delivers nothing from a rolled-back transaction", async () => {
    const a = await client(tenantA);
    const rollback = t.app.withTenant(tenantA, async (tx) => {
      await publishTenantEvent(tx, "never.sent", {});
      throw new Error("abort");
    });
    await expect(rollback).rejects.toThrow("abort");
    const marker = nextEvent(a.socket, "marker.a");
    await publish(tenantA, "marker.a");
    await marker;
    expect(a.events.map((e) => e.type)).toEqual(["marker.a"]);
  });

  it("drops and logs a payload that names no committed event, without breaking the relay", async () => {
    const a = await client(tenantA);
    const unknownId = randomUUID();
    await t.admin`select pg_notify('omnify_events', 'not an id')`;
    await t.admin`select pg_notify('omnify_events', ${JSON.stringify({ tenantId: tenantA, type: "x", data: {} })})`;
    await t.admin`select pg_notify('omnify_events', ${unknownId})`;
    const marker = nextEvent(a.socket, "marker.after-garbage");
    await publish(tenantA, "marker.after-garbage");
    await marker;
    expect(a.events.map((e) => e.type)).toEqual(["marker.after-garbage"]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("not an event id"));
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining(`${unknownId}: no such event`));
  });

  it("relays a burst in commit order", async () => {
    const a = await client(tenantA);
    const last = nextEvent(a.socket, "burst.39");
    // Each commits before the next starts, so this is their commit (and NOTIFY) order; the
    // gateway reads ids that arrive during a read together, and must keep that order.
    for (let i = 0; i < 40; i++) await publish(tenantA, `burst.${i}`, { i });
    await last;
    expect(a.events.map((e) => e.type)).toEqual(Array.from({ length: 40 }, (_, i) => `burst.${i}`));
  });

  it.each([
    ["no token", undefined],
    ["a garbage token", "garbage"],
    [
      "a token signed with another secret",
      signRealtimeToken({ tenantId: tenantA, userId: randomUUID() }, "not-the-gateway-secret"),
    ],
    [
      "an expired token",
      signRealtimeToken(
        { tenantId: tenantA, userId: randomUUID() },
        secret,
        60,
        new Date(Date.now() - 120_000),
      ),
    ],
  ])("refuses a socket with %s", async (_label, token) => {
    const socket = open(token);
    const error = await new Promise<Error>((resolve, reject) => {
      socket.once("connect", () => reject(new Error("connected without a valid token")));
      socket.once("connect_error", resolve);
    });
    expect(error.message).toBe(UNAUTHORIZED);
  });

  it("disconnects a socket when its token expires", async () => {
    // A short-lived token: the server must end the socket instead of trusting it forever.
    // `exp` is in whole seconds, so a TTL of 1 can leave mere milliseconds to connect; 2
    // leaves at least one second.
    const socket = open(signRealtimeToken({ tenantId: tenantA, userId: randomUUID() }, secret, 2));
    const reason = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("still connected after 10s")), 10_000);
      socket.once("connect_error", reject);
      socket.once("disconnect", (why) => {
        clearTimeout(timer);
        resolve(why);
      });
    });
    expect(reason).toBe("io server disconnect");
  });
});
