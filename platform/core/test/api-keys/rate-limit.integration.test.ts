import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consumeRateLimit, rateLimitHeaders } from "../../src/rate-limit/consume";
import { setupWorld } from "../helpers";

const s = setupWorld();
const policy = { limit: 5, windowSeconds: 60 };

const hit = (keyId: string, now: Date) =>
  s.t.app.withTenant(s.w.client, (tx) =>
    consumeRateLimit(tx, { tenantId: s.w.client, keyId, policy, now }),
  );

describe("PostgreSQL rate limiter", () => {
  it("lets exactly `limit` of many concurrent requests through", async () => {
    const keyId = randomUUID();
    const now = new Date("2030-01-01T00:00:10Z");
    const results = await Promise.all(Array.from({ length: 12 }, () => hit(keyId, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(policy.limit);
    expect(results.map((r) => r.remaining).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    const refused = results.find((r) => !r.allowed);
    expect(refused && rateLimitHeaders(refused)).toEqual({
      "RateLimit-Limit": "5",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "50",
      "RateLimit-Policy": "5;w=60",
      "Retry-After": "50",
    });
  });

  it("starts afresh in the next window and prunes the old one", async () => {
    const keyId = randomUUID();
    const t0 = new Date("2030-01-01T00:01:00Z");
    for (let i = 0; i < 6; i++) await hit(keyId, t0);
    expect((await hit(keyId, t0)).allowed).toBe(false);
    const next = await hit(keyId, new Date(t0.getTime() + 60_000));
    expect(next).toMatchObject({ allowed: true, remaining: 4 });
    const rows = await s.t
      .admin`select window_start from rate_limit_buckets where key_id = ${keyId}`;
    expect(rows).toHaveLength(1);
  });

  it("counts each key on its own", async () => {
    const now = new Date("2030-01-01T00:02:00Z");
    const a = randomUUID();
    for (let i = 0; i < 5; i++) await hit(a, now);
    expect((await hit(a, now)).allowed).toBe(false);
    expect((await hit(randomUUID(), now)).allowed).toBe(true);
  });
});
