import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, pgPolicy, pgRole } from "drizzle-orm/pg-core";

/** The login role the app uses. Not the owner, not a superuser, no BYPASSRLS. */
export const appRole = pgRole("omnify_app").existing();

/**
 * NOLOGIN owner of the few SECURITY DEFINER functions (host routing, sign-in lookup).
 * It may only read the tables those functions need, through `definerReadPolicy`.
 */
export const definerRole = pgRole("omnify_definer").existing();

/** Lets the definer role read every row of a table; nothing else gets this. */
export function definerReadPolicy() {
  return pgPolicy("definer_read", { for: "select", to: definerRole, using: sql`true` });
}

/**
 * The tenant a transaction runs as. Policies call it through `(select …)` so PostgreSQL
 * evaluates it once per statement, and so the plugin issue can harden the function body
 * (signed context) without rewriting any policy.
 */
export const currentTenant: SQL = sql`(select app.current_tenant())`;
export const currentUser: SQL = sql`(select app.current_user_id())`;

/** The standard policy for a table whose rows belong to exactly one tenant. */
export function tenantIsolationPolicy(tenantColumn: AnyPgColumn) {
  return pgPolicy("tenant_isolation", {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`${tenantColumn} = ${currentTenant}`,
    withCheck: sql`${tenantColumn} = ${currentTenant}`,
  });
}
