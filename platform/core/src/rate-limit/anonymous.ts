import { createHash } from "node:crypto";
import { type AppDatabase, sql } from "@omnify/db";
import type { RateLimitPolicy, RateLimitResult } from "./consume";

/**
 * Counts one request from `client` (an IP address) against an anonymous endpoint's fixed
 * window, before any tenant is known. Only a hash of scope and address is stored.
 */
export async function consumeAnonymousRateLimit(
  db: AppDatabase,
  input: { scope: string; client: string; policy: RateLimitPolicy; now?: Date },
): Promise<RateLimitResult> {
  const { limit, windowSeconds } = input.policy;
  const keyHash = createHash("sha256").update(`${input.scope}\u0000${input.client}`).digest("hex");
  const [row] = await db.withoutTenant((tx) =>
    tx.execute<{ request_count: number; current_window: string | Date }>(
      sql`select * from app.consume_anonymous_rate_limit(${keyHash}, ${limit}, ${windowSeconds})`,
    ),
  );
  const count = Number(row?.request_count ?? Number.POSITIVE_INFINITY);
  const windowStart = row ? new Date(row.current_window).getTime() : Date.now();
  const nowMs = (input.now ?? new Date()).getTime();
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil((windowStart + windowSeconds * 1000 - nowMs) / 1000)),
    windowSeconds,
  };
}
