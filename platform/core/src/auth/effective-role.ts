import { type AppDatabase, type MembershipRole, sql } from "@omnify/db";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import type { EffectiveRole } from "./roles";

type Lookup = { role: MembershipRole | null; isPlatformAdmin: boolean };

/** The user's own membership role in one tenant, read inside that tenant's transaction. */
async function lookup(db: AppDatabase, tenantId: string, userId: string): Promise<Lookup | null> {
  const rows = await db.withTenant(
    tenantId,
    (tx) =>
      tx.execute<{ role: MembershipRole | null; is_platform_admin: boolean }>(sql`
        select m.role, u.is_platform_admin
        from users u left join memberships m on m.user_id = u.id and m.tenant_id = ${tenantId}
        where u.id = ${userId}`),
    { userId },
  );
  const row = rows[0];
  return row ? { role: row.role, isPlatformAdmin: row.is_platform_admin } : null;
}

/**
 * What `userId` may act as in `tenant`, or null for no access. The tenant must come from
 * host resolution. A sub-account admits its own members, the parent agency's owners and
 * admins (reported with their agency role) and platform admins; an agency member needs an
 * explicit sub-account membership, as GoHighLevel does.
 */
export async function findEffectiveRole(
  db: AppDatabase,
  tenant: ResolvedTenant,
  userId: string,
): Promise<EffectiveRole | null> {
  const own = await lookup(db, tenant.id, userId);
  if (!own) return null;
  if (own.role) return own.role;
  if (tenant.kind === "subaccount") {
    const parent = await lookup(db, tenant.agency.id, userId);
    if (parent?.role === "agency_owner" || parent?.role === "agency_admin") return parent.role;
  }
  return own.isPlatformAdmin ? "platform_admin" : null;
}
