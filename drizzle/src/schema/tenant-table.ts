import type { BuildExtraConfigColumns } from "drizzle-orm";
import {
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  pgTable,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantIsolationPolicy } from "../policies/tenant";
import { tenants } from "./tenancy";

/**
 * `tenant_id uuid not null references tenants(id) on delete cascade`: the owner of a
 * tenant table's row. Add `.primaryKey()` where the tenant has at most one row.
 */
export function tenantIdColumn() {
  return uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });
}

/**
 * A table whose rows each belong to exactly one tenant: `pgTable` plus the standard
 * `tenant_isolation` policy on its `tenantId` column and row-level security enabled, so
 * neither can be forgotten. The companion migration still has to FORCE row-level security
 * and grant the app role what it needs (see docs/DECISIONS.md, "Declaring a tenant table").
 *
 * `extra` adds the table's indexes, checks, keys and any further policies.
 */
export function tenantTable<
  TName extends string,
  TColumns extends Record<string, PgColumnBuilderBase> & { tenantId: PgColumnBuilderBase },
>(
  name: TName,
  columns: TColumns,
  extra: (
    table: BuildExtraConfigColumns<TName, TColumns, "pg">,
  ) => PgTableExtraConfigValue[] = () => [],
) {
  return pgTable(name, columns, (table) => [
    ...extra(table),
    tenantIsolationPolicy(table.tenantId),
  ]).enableRLS();
}
