import { type AppDatabase, type MembershipRole, sql, type Tx, withinTenant } from "@omnify/db";
import type { EffectiveRole } from "../auth/roles";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import type { Actor } from "./authorize";
import { isMemberLevelRole } from "./grants";

type MembershipRow = {
  role: MembershipRole | null;
  custom_role_id: string | null;
  restricted: boolean;
  is_platform_admin: boolean;
};

/** The user's membership in the transaction's current tenant (null: no such user). */
async function membershipOf(tx: Tx, tenantId: string, userId: string) {
  const [row] = await tx.execute<MembershipRow>(sql`
    select m.role, m.custom_role_id, coalesce(m.restricted, false) as restricted, u.is_platform_admin
    from users u left join memberships m on m.user_id = u.id and m.tenant_id = ${tenantId}
    where u.id = ${userId}`);
  return row ?? null;
}

/** A custom role's grants; the transaction must act as the agency that owns the role. */
async function grantsOf(tx: Tx, roleId: string | null): Promise<string[] | null> {
  if (!roleId) return null;
  const [row] = await tx.execute<{ permissions: string[] }>(
    sql`select permissions from custom_roles where id = ${roleId}`,
  );
  // A role the agency cannot see grants nothing rather than falling back to the defaults.
  return row?.permissions ?? [];
}

async function assignedSubaccounts(tx: Tx, agencyId: string, userId: string) {
  const rows = await tx.execute<{ subaccount_id: string }>(sql`
    select subaccount_id from subaccount_assignments
    where tenant_id = ${agencyId} and user_id = ${userId} order by subaccount_id`);
  return rows.map((r) => r.subaccount_id);
}

const actor = (
  userId: string,
  role: EffectiveRole,
  permissions: string[] | null,
  restrictedTo: string[] | null = null,
): Actor => ({
  userId,
  role,
  permissions: isMemberLevelRole(role) ? permissions : null,
  restrictedTo: isMemberLevelRole(role) ? restrictedTo : null,
});

/**
 * Everything `authorize` needs about `userId` in `tenant`, or null for no access, read in a
 * transaction of `tenant` acting as the user. On a sub-account: its own members, the
 * agency's owners and admins, agency members assigned to it, and platform staff; an agency
 * member marked `restricted` reaches only assigned sub-accounts, whatever else they hold.
 */
export async function accessInTransaction(
  tx: Tx,
  tenant: ResolvedTenant,
  userId: string,
): Promise<Actor | null> {
  const own = await membershipOf(tx, tenant.id, userId);
  if (!own) return null;
  const staff = own.is_platform_admin ? actor(userId, "platform_admin", null) : null;
  if (tenant.kind === "agency") {
    if (!own.role) return staff;
    const restrictedTo =
      own.restricted && isMemberLevelRole(own.role)
        ? await assignedSubaccounts(tx, tenant.id, userId)
        : null;
    return actor(userId, own.role, await grantsOf(tx, own.custom_role_id), restrictedTo);
  }
  const agencyId = tenant.agency.id;
  return withinTenant(tx, agencyId, async () => {
    const parent = await membershipOf(tx, agencyId, userId);
    const [assigned] = await tx.execute<{ yes: boolean }>(sql`
      select exists (select 1 from subaccount_assignments where tenant_id = ${agencyId}
        and user_id = ${userId} and subaccount_id = ${tenant.id}) as yes`);
    const parentRole = parent?.role ?? null;
    if (parentRole === "agency_owner" || parentRole === "agency_admin") {
      return own.role
        ? actor(userId, own.role, await grantsOf(tx, own.custom_role_id))
        : actor(userId, parentRole, null);
    }
    if (parentRole === "agency_member" && parent?.restricted && !assigned?.yes) return staff;
    if (own.role) return actor(userId, own.role, await grantsOf(tx, own.custom_role_id));
    if (parentRole === "agency_member" && assigned?.yes) {
      return actor(userId, "agency_member", await grantsOf(tx, parent?.custom_role_id ?? null));
    }
    return staff;
  });
}

/** accessInTransaction in a transaction of its own. */
export function findAccess(
  db: AppDatabase,
  tenant: ResolvedTenant,
  userId: string,
): Promise<Actor | null> {
  return db.withTenant(tenant.id, (tx) => accessInTransaction(tx, tenant, userId), { userId });
}
