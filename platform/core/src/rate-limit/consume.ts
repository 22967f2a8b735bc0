import { sql, type Tx } from "@omnify/db";

export type RateLimitPolicy = { limit: number; windowSeconds: number };

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (≥ 1): RateLimit-Reset and Retry-After. */
  resetSeconds: number;
  windowSeconds: number;
};

/**
 * Counts one request against `keyId`'s fixed window with a single atomic upsert. The
 * conflicting row is locked by PostgreSQL, so concurrent requests on any node each see a
 * distinct count and exactly `limit` of them are allowed per window. Run it in its own short
 * transaction: the row lock lasts until commit.
 */
export async function consumeRateLimit(
  tx: Tx,
  input: { tenantId: string; keyId: string; policy: RateLimitPolicy; now?: Date },
): Promise<RateLimitResult> {
  const { limit, windowSeconds } = input.policy;
  const nowMs = (input.now ?? new Date()).getTime();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const rows = await tx.execute<{ count: number }>(sql`
    insert into rate_limit_buckets (tenant_id, key_id, window_start, count)
    values (${input.tenantId}, ${input.keyId}, ${windowStart.toISOString()}, 1)
    on conflict (key_id, window_start)
      do update set count = rate_limit_buckets.count + 1
    returning count`);
  const count = Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
  if (count === 1) {
    // First request of a window: prune this key's finished windows, keeping the table small.
    await tx.execute(sql`delete from rate_limit_buckets
      where key_id = ${input.keyId} and window_start < ${windowStart.toISOString()}`);
  }
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds,
    windowSeconds,
  };
}

/** IETF RateLimit header fields, plus Retry-After when refused. */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
    "RateLimit-Policy": `${result.limit};w=${result.windowSeconds}`,
  };
  if (!result.allowed) headers["Retry-After"] = String(result.resetSeconds);
  return headers;
}
