import { sql } from "drizzle-orm";
import { integer, pgPolicy, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { definerRole } from "../policies/tenant";

/**
 * Fixed-window counters for endpoints that run before any tenant is known (a screen asking
 * for a pairing code). Keyed by a hash of the client address; the app role has no grant and
 * counts only through the SECURITY DEFINER `app.consume_anonymous_rate_limit()`.
 */
export const anonymousRateLimits = pgTable(
  "anonymous_rate_limits",
  {
    keyHash: text("key_hash").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyHash, t.windowStart] }),
    pgPolicy("definer_all", {
      for: "all",
      to: definerRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();
