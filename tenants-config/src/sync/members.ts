import { randomUUID } from "node:crypto";
import { and, eq, type MembershipRole, memberships, type Tx, users } from "@omnify/db";
import { findUserId } from "./context";

export type Member = { email: string; name: string; role: MembershipRole };

/**
 * Finds the user by e-mail or creates them. An existing user is never modified: their name
 * and password may have been changed in the portal since.
 */
async function ensureUser(
  tx: Tx,
  member: Member,
  newUserHashes: ReadonlyMap<string, string | null>,
): Promise<{ userId: string; created: boolean }> {
  const existing = await findUserId(tx, member.email);
  if (existing) return { userId: existing, created: false };
  // The id is made here because RLS hides the new row until the membership exists, so
  // INSERT ... RETURNING would be refused.
  const userId = randomUUID();
  const passwordHash = newUserHashes.get(member.email) ?? null;
  await tx
    .insert(users)
    .values({ id: userId, email: member.email, name: member.name, passwordHash });
  return { userId, created: true };
}

/**
 * Adds listed members and corrects their role. Members the config does not list are kept:
 * they were invited through the portal, and the config is not the only source of staff.
 */
export async function syncMembers(
  tx: Tx,
  tenantId: string,
  members: readonly Member[],
  newUserHashes: ReadonlyMap<string, string | null>,
) {
  const changes: string[] = [];
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.tenantId, tenantId));
  const roles = new Map(rows.map((r) => [r.userId, r.role]));

  for (const member of members) {
    const { userId, created } = await ensureUser(tx, member, newUserHashes);
    if (created) changes.push(`user ${member.email} created`);
    const role = roles.get(userId);
    if (role === undefined) {
      await tx.insert(memberships).values({ tenantId, userId, role: member.role });
      changes.push(`member +${member.email} (${member.role})`);
    } else if (role !== member.role) {
      await tx
        .update(memberships)
        .set({ role: member.role })
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
      changes.push(`member ${member.email} ${role} → ${member.role}`);
    }
  }
  return changes;
}
