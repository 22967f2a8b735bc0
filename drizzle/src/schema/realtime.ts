import { sql } from "drizzle-orm";
import { index, jsonb, pgPolicy, text, uuid } from "drizzle-orm/pg-core";
import { definerRole } from "../policies/tenant";
import { createdAt } from "./columns";
import { devices } from "./devices";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * The realtime outbox. `publishTenantEvent` inserts a row (its tenant is the transaction's,
 * enforced by RLS) and NOTIFYs only its random id; the gateway reads the committed row through
 * `app.realtime_events(uuid[])` and trusts nothing else. A NOTIFY that names no row (a plugin's
 * own, say) is dropped. The app role may insert and read its own tenant's rows, never change
 * them; plugin roles have no grant at all.
 * Rows live ten minutes (`app.prune_realtime_events()`, called by the gateway).
 */
export const realtimeEvents = tenantTable(
  "realtime_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    /** Set by publishDeviceEvent: only that screen (of this tenant) receives the event. */
    deviceId: uuid("device_id").references(() => devices.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    data: jsonb("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("realtime_events_created_idx").on(t.createdAt),
    // The relay functions (owned by omnify_definer) read and prune across tenants.
    pgPolicy("definer_relay", {
      for: "all",
      to: definerRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
);
