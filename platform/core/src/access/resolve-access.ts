import type { AppDatabase, MembershipRole, Tx } from "@omnify/db";
import type { EffectiveRole } from "../auth/roles";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import type { Actor } from "./authorize";
import { isMemberLevelRole } from "./grants";
import { type AccessFacts, readContextFacts } from "./request-context-facts";

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

const isAgencyAdmin = (role: MembershipRole | null | undefined) =>
  role === "agency_owner" || role === "agency_admin";

/**
 * Everything `authorize` needs about a user in `tenant`, or null for no access, from the
 * facts `app.request_context()` gathered. On a sub-account: its own members, the agency's
 * owners and admins, agency members assigned to it, and platform staff; an agency member
 * marked `restricted` reaches only assigned sub-accounts, whatever else they hold.
 */
export function actorFromFacts(tenant: ResolvedTenant, facts: AccessFacts): Actor | null {
  const userId = facts.user.id;
  const own = facts.own;
  const staff = facts.user.isPlatformAdmin ? actor(userId, "platform_admin", null) : null;
  if (tenant.kind === "agency") {
    if (!own) return staff;
    const restrictedTo = own.restricted && isMemberLevelRole(own.role) ? facts.assigned : null;
    return actor(userId, own.role, own.permissions, restrictedTo);
  }
  const parent = facts.parent;
  if (isAgencyAdmin(parent?.role)) {
    return own
      ? actor(userId, own.role, own.permissions)
      : actor(userId, parent?.role as EffectiveRole, null);
  }
  const agencyMember = parent?.role === "agency_member";
  if (agencyMember && parent?.restricted && !facts.assignedHere) return staff;
  if (own) return actor(userId, own.role, own.permissions);
  if (agencyMember && facts.assignedHere) {
    return actor(userId, "agency_member", parent?.permissions ?? null);
  }
  return staff;
}

/**
 * accessInTransaction: the actor for `userId` in `tenant`, read in one statement inside a
 * transaction of `tenant` that acts as the user (or in which the user is a member).
 */
export async function accessInTransaction(
  tx: Tx,
  tenant: ResolvedTenant,
  userId: string,
): Promise<Actor | null> {
  const facts = await readContextFacts(tx, { userId });
  return facts ? actorFromFacts(tenant, facts) : null;
}

/** accessInTransaction in a transaction of its own. */
export function findAccess(
  db: AppDatabase,
  tenant: ResolvedTenant,
  userId: string,
): Promise<Actor | null> {
  return db.withTenant(tenant.id, (tx) => accessInTransaction(tx, tenant, userId), { userId });
}
