import { sql } from "drizzle-orm";
import { check, index, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamps } from "./columns";
import { users } from "./identity";
import { tenants } from "./tenancy";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * An agency's own roles: named sets of module-level grants (`<module>:read|write`). Owned by
 * the agency (tenant_id); assignable to agency members and to members of its sub-accounts
 * through `memberships.custom_role_id`, which refuses deleting a role still in use.
 */
export const customRoles = tenantTable(
  "custom_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text("name").notNull(),
    permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (t) => [
    unique("custom_roles_tenant_name_key").on(t.tenantId, t.name),
    check("custom_roles_name_check", sql`length(btrim(${t.name})) between 1 and 60`),
  ],
);

/**
 * Which sub-accounts a restricted agency member may list and open. Owned by the agency
 * (tenant_id); the sub-account must be one of the agency's, which core checks on insert.
 */
export const subaccountAssignments = tenantTable(
  "subaccount_assignments",
  {
    tenantId: tenantIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subaccountId: uuid("subaccount_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.subaccountId] }),
    index("subaccount_assignments_subaccount_idx").on(t.subaccountId),
  ],
);
