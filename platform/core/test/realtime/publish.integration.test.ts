import { randomUUID } from "node:crypto";
import { sql } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_EVENT_PAYLOAD_BYTES,
  prunePublishedEvents,
  publishTenantEvent,
  readPublishedEvents,
  TENANT_EVENTS_CHANNEL,
  type TenantEventPayload,
} from "../../src/realtime/publish";

let t: TestDatabase;
const received: TenantEventPayload[] = [];
const notified: string[] = [];
let waiters: Array<() => void> = [];
let unlisten: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  // What the gateway does: the notification names a row, the row is the event.
  ({ unlisten } = await t.app.listen(TENANT_EVENTS_CHANNEL, (payload) => {
    notified.push(payload);
    void t.app
      .withoutTenant((tx) => readPublishedEvents(tx, [payload]))
      .then((found) => {
        const event = found.get(payload);
        if (event) received.push(event);
        for (const wake of waiters) wake();
      });
  }));
});

/** A tenant row: events belong to real tenants. */
async function tenant(): Promise<string> {
  const id = randomUUID();
  await t.admin`insert into tenants (id, kind, slug, name, theme_id)
    values (${id}, 'agency', ${`rt-${id}`}, 'Realtime', 'aurora')`;
  return id;
}
afterAll(async () => {
  await unlisten?.();
  await t?.drop();
});

/** Resolves once an event of `type` has arrived; bounded so a lost event fails, not hangs. */
function eventOfType(type: string): Promise<TenantEventPayload> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" event within 5s`)), 5_000);
    const check = () => {
      const hit = received.find((e) => e.type === type);
      if (!hit) return;
      clearTimeout(timer);
      waiters = waiters.filter((w) => w !== check);
      resolve(hit);
    };
    waiters.push(check);
    check();
  });
}

describe("publishTenantEvent", () => {
  it("delivers on commit with the transaction's tenant, notifying only the row id", async () => {
    const tenantId = await tenant();
    await t.app.withTenant(tenantId, (tx) => publishTenantEvent(tx, "member.added", { n: 1 }));
    expect(await eventOfType("member.added")).toEqual({
      tenantId,
      type: "member.added",
      data: { n: 1 },
    });
    const [row] = await t.admin<{ id: string }[]>`
      select id from realtime_events where tenant_id = ${tenantId} and type = 'member.added'`;
    expect(notified).toContain(row?.id);
    expect(notified.some((n) => n.includes(tenantId))).toBe(false);
  });

  it("delivers nothing when the transaction rolls back", async () => {
    const tenantId = await tenant();
    const rollback = t.app.withTenant(tenantId, async (tx) => {
      await publishTenantEvent(tx, "rolled.back", {});
      throw new Error("abort");
    });
    await expect(rollback).rejects.toThrow("abort");
    // Notifications arrive in commit order on one connection, so once a later committed
    // marker is here the rolled-back event can no longer arrive.
    await t.app.withTenant(tenantId, (tx) => publishTenantEvent(tx, "marker.after-rollback", {}));
    await eventOfType("marker.after-rollback");
    expect(received.some((e) => e.type === "rolled.back")).toBe(false);
  });

  it("refuses to publish without a tenant in context", async () => {
    await expect(t.app.withoutTenant((tx) => publishTenantEvent(tx, "orphan", {}))).rejects.toThrow(
      /needs a tenant transaction/,
    );
  });

  it("refuses data over the size limit without aborting the transaction", async () => {
    const tenantId = await tenant();
    const big = { blob: "x".repeat(MAX_EVENT_PAYLOAD_BYTES) };
    // Near the limit, only the exact SQL-side check can tell (jsonb adds spaces and the
    // envelope adds the tenant id), so this payload passes the fast JS check and fails in SQL.
    const nearLimit = { blob: "x".repeat(MAX_EVENT_PAYLOAD_BYTES - 40) };
    const outcome = await t.app.withTenant(tenantId, async (tx) => {
      await expect(publishTenantEvent(tx, "too.big", big)).rejects.toThrow(/events allow 7999/);
      await expect(publishTenantEvent(tx, "near.limit", nearLimit)).rejects.toThrow(/bytes/);
      await publishTenantEvent(tx, "still.usable", { ok: true });
      return "committed";
    });
    expect(outcome).toBe("committed");
    await eventOfType("still.usable");
    expect(received.some((e) => e.type === "too.big" || e.type === "near.limit")).toBe(false);
  });

  it("rejects a malformed event type", async () => {
    await expect(
      t.app.withTenant(randomUUID(), (tx) => publishTenantEvent(tx, "bad type!", {})),
    ).rejects.toThrow(/event type/);
  });

  it("keeps an event readable for ten minutes, then prunes it", async () => {
    const tenantId = await tenant();
    const [fresh, stale] = await t.admin<{ id: string }[]>`insert into realtime_events
      (tenant_id, type, data, created_at) values
      (${tenantId}, 'fresh', '{}', now() - interval '9 minutes'),
      (${tenantId}, 'stale', '{}', now() - interval '11 minutes')
      returning id`;
    const ids = [fresh?.id ?? "", stale?.id ?? ""];
    const found = await t.app.withoutTenant((tx) => readPublishedEvents(tx, ids));
    expect([...found.values()].map((e) => e.type)).toEqual(["fresh"]);
    expect(await t.app.withoutTenant(prunePublishedEvents)).toBeGreaterThanOrEqual(1);
    const left = await t.admin`select type from realtime_events where id in ${t.admin(ids)}`;
    expect(left.map((r) => r.type)).toEqual(["fresh"]);
  });

  it("lets the app append events for its own tenant only, never change them", async () => {
    const [mine, other] = [await tenant(), await tenant()];
    const attempt = (statement: ReturnType<typeof sql>) =>
      t.app
        .withTenant(mine, (tx) => tx.execute(statement))
        .then(
          () => "ok",
          (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message}`,
        );
    expect(
      await attempt(sql`insert into realtime_events (tenant_id, type, data)
        values (${other}, 'forged', '{}')`),
    ).toMatch(/row-level security/);
    await t.app.withTenant(mine, (tx) => publishTenantEvent(tx, "mine", {}));
    expect(await attempt(sql`update realtime_events set type = 'changed'`)).toMatch(
      /permission denied/,
    );
    expect(await attempt(sql`delete from realtime_events`)).toMatch(/permission denied/);
  });
});
