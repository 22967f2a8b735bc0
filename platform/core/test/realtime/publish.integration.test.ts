import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MAX_EVENT_PAYLOAD_BYTES,
  publishTenantEvent,
  TENANT_EVENTS_CHANNEL,
  type TenantEventPayload,
} from "../../src/realtime/publish";

let t: TestDatabase;
const received: TenantEventPayload[] = [];
let waiters: Array<() => void> = [];
let unlisten: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ unlisten } = await t.app.listen(TENANT_EVENTS_CHANNEL, (payload) => {
    received.push(JSON.parse(payload));
    for (const wake of waiters) wake();
  }));
});
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
  it("delivers on commit with the transaction's tenant", async () => {
    const tenantId = randomUUID();
    await t.app.withTenant(tenantId, (tx) => publishTenantEvent(tx, "member.added", { n: 1 }));
    expect(await eventOfType("member.added")).toEqual({
      tenantId,
      type: "member.added",
      data: { n: 1 },
    });
  });

  it("delivers nothing when the transaction rolls back", async () => {
    const tenantId = randomUUID();
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

  it("refuses data over the NOTIFY limit without aborting the transaction", async () => {
    const tenantId = randomUUID();
    const big = { blob: "x".repeat(MAX_EVENT_PAYLOAD_BYTES) };
    // Near the limit, only the exact SQL-side check can tell (jsonb adds spaces and the
    // envelope adds the tenant id), so this payload passes the fast JS check and fails in SQL.
    const nearLimit = { blob: "x".repeat(MAX_EVENT_PAYLOAD_BYTES - 40) };
    const outcome = await t.app.withTenant(tenantId, async (tx) => {
      await expect(publishTenantEvent(tx, "too.big", big)).rejects.toThrow(/NOTIFY allows 7999/);
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
});
