import type { TenantEventPayload } from "@omnify/core/realtime/publish";
import { describe, expect, it, vi } from "vitest";
import { createEventRelay } from "../src/relay";

/**
 * The relay's ordering and retry rules, with the outbox read supplied by the test: a read
 * that fails the way a restarting PostgreSQL makes it fail (the gateway tests cover the
 * real read).
 */
const event = (id: string): TenantEventPayload => ({
  tenantId: "t",
  type: "x",
  data: { id },
});

function relayWith(read: (ids: string[]) => Promise<Map<string, TenantEventPayload>>) {
  const emitted: string[] = [];
  const waits: number[] = [];
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const relay = createEventRelay({
    read,
    emit: (e) => emitted.push(String(e.data.id)),
    isEventId: (p) => /^e\d+$/.test(p),
    log,
    channel: "test",
    retryDelaysMs: [1, 2, 3],
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { relay, emitted, waits, log };
}

const known = async (ids: string[]) => new Map(ids.map((id) => [id, event(id)]));

describe("event relay", () => {
  it("retries a failed read and emits the batch, in order, once the read works", async () => {
    let failures = 2;
    const { relay, emitted, waits, log } = relayWith(async (ids) => {
      if (failures-- > 0) throw new Error("connection terminated");
      return known(ids);
    });
    relay.push("e1");
    relay.push("e2");
    relay.push("e3");
    await relay.drain();
    expect(emitted).toEqual(["e1", "e2", "e3"]);
    expect(waits).toEqual([1, 2]);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("gives up after the last retry, says so, and goes on with later events", async () => {
    let calls = 0;
    const { relay, emitted, waits, log } = relayWith(async (ids) => {
      calls++;
      if (ids.includes("e1")) throw new Error("still down");
      return known(ids);
    });
    relay.push("e1");
    await relay.drain();
    relay.push("e2");
    await relay.drain();
    expect(calls).toBe(5); // one read and three retries for e1, one read for e2
    expect(waits).toEqual([1, 2, 3]);
    expect(emitted).toEqual(["e2"]);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining("gave up reading 1 event(s)"),
      expect.any(Error),
    );
  });

  it("limits drop warnings during a flood of forged ids and counts the rest", async () => {
    const { relay, emitted, log } = relayWith(async () => new Map());
    for (let i = 0; i < 50; i++) relay.push(`e${i}`);
    for (let i = 0; i < 10; i++) relay.push("not-an-id");
    await relay.drain();
    expect(emitted).toEqual([]);
    expect(log.warn).toHaveBeenCalledTimes(20);
    // The next window starts with the summary of what was not logged.
    vi.useFakeTimers({ now: Date.now() + 11_000 });
    try {
      relay.push("not-an-id");
      expect(log.warn).toHaveBeenCalledWith(
        expect.stringContaining("40 more dropped test notification(s)"),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
