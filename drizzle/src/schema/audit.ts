import { sql } from "drizzle-orm";
import { index, inet, jsonb, pgPolicy, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { appRole, currentTenant } from "../policies/tenant";
import { timestamptz } from "./columns";

/**
 * Append-only record of admin and money actions. The app role may only INSERT and SELECT
 * (its own tenant's rows); a trigger refuses UPDATE, DELETE and TRUNCATE for every role.
 * No foreign keys on purpose: a cascade from a deleted user or tenant would be a DELETE or
 * UPDATE, and the record must outlive both.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: inet("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamptz("occurred_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_tenant_time_idx").on(t.tenantId, t.occurredAt.desc(), t.id.desc()),
    index("audit_log_tenant_action_idx").on(t.tenantId, t.action, t.occurredAt.desc()),
    pgPolicy("audit_read", {
      for: "select",
      to: appRole,
      using: sql`${t.tenantId} = ${currentTenant}`,
    }),
    pgPolicy("audit_append", {
      for: "insert",
      to: appRole,
      withCheck: sql`${t.tenantId} = ${currentTenant}`,
    }),
  ],
).enableRLS();
