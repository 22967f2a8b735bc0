import { type AppDatabase, type MembershipRole, sql, type Tx } from "@omnify/db";
import { accessInTransaction } from "../access/resolve-access";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import type { EffectiveRole } from "./roles";

export type OwnRole = { role: MembershipRole | null; isPlatformAdmin: boolean };

/**
 * The user's own membership role in the tenant of `tx`, which must act as that user
 * (`app.user_id`) so the user row is visible. Null when the user does not exist.
 */
export async function ownRoleInTransaction(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<OwnRole | null> {
  const rows = await tx.execute<{ role: MembershipRole | null; is_platform_admin: boolean }>(sql`
    select m.role, u.is_platform_admin
    from users u left join memberships m on m.user_id = u.id and m.tenant_id = ${tenantId}
    where u.id = ${userId}`);
  const row = rows[0];
  return row ? { role: row.role, isPlatformAdmin: row.is_platform_admin } : null;
}

/**
 * What `userId` may act as in `tenant`, or null for no access, read inside a transaction of
 * `tenant` that acts as the user. The rules (agency owners/admins reach every sub-account,
 * agency members only those they belong or are assigned to, restricted members only assigned
 * ones, platform staff everywhere) live in access/resolve-access.ts.
 */
export async function effectiveRoleInTransaction(
  tx: Tx,
  tenant: ResolvedTenant,
  userId: string,
): Promise<EffectiveRole | null> {
  return (await accessInTransaction(tx, tenant, userId))?.role ?? null;
}

/** effectiveRoleInTransaction in a transaction of its own. */
export function findEffectiveRole(
  db: AppDatabase,
  tenant: ResolvedTenant,
  userId: string,
): Promise<EffectiveRole | null> {
  return db.withTenant(tenant.id, (tx) => effectiveRoleInTransaction(tx, tenant, userId), {
    userId,
  });
}
