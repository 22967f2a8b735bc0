import { sql } from "drizzle-orm";
import { bigint, check, integer, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * One object a plugin stored for a tenant (an upload or `ctx.storage.put`), with what the
 * host probed from its bytes at upload time. The bytes live in object storage under
 * `<tenant>/<plugin>/<key>`; this row is how `ctx.storage.stat` answers without reading them.
 */
export const pluginObjects = tenantTable(
  "plugin_objects",
  {
    tenantId: tenantIdColumn(),
    pluginId: text("plugin_id").notNull(),
    key: text("key").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    sha256: text("sha256").notNull(),
    width: integer("width"),
    height: integer("height"),
    durationMs: integer("duration_ms"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pluginId, t.key] }),
    check("plugin_objects_size_check", sql`${t.size} >= 0`),
    check("plugin_objects_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
