import { type AppDatabase, type MembershipRole, sql } from "@omnify/db";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { findInvitationByToken, type InvitationState, invitationState } from "./find-invitation";

export type InvitationDetails = {
  email: string;
  role: MembershipRole;
  status: InvitationState;
  expiresAt: Date;
  /** Whether an account with this e-mail exists, so the page asks for a password, not a name. */
  accountExists: boolean;
  tenant: Pick<ResolvedTenant, "kind" | "name" | "themeId" | "brand"> & { agencyName: string };
};

/** What the accept page shows for a token, or null when the token is unknown here. */
export async function getInvitation(
  db: AppDatabase,
  tenant: ResolvedTenant,
  token: string,
  now = new Date(),
): Promise<InvitationDetails | null> {
  return db.withTenant(tenant.id, async (tx) => {
    const row = await findInvitationByToken(tx, tenant.id, token);
    if (!row) return null;
    const users = await tx.execute<{ id: string }>(
      sql`select id from app.user_for_login(${row.email})`,
    );
    return {
      email: row.email,
      role: row.role,
      status: invitationState(row, now),
      expiresAt: row.expiresAt,
      accountExists: users.length > 0,
      tenant: {
        kind: tenant.kind,
        name: tenant.name,
        themeId: tenant.themeId,
        brand: tenant.brand,
        agencyName: tenant.agency.name,
      },
    };
  });
}
