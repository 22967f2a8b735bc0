import { listMembers } from "@omnify/core/members/list-members";
import { listSubaccounts } from "@omnify/core/tenancy/list-subaccounts";
import type { CurrentUser } from "./auth";
import { getDeps } from "./deps";

export type DashboardStats = {
  members: number;
  pendingInvitations: number;
  subaccounts: number | null;
};

/** Headline numbers for the dashboard, read in one tenant transaction as the user. */
export async function dashboardStats(current: CurrentUser): Promise<DashboardStats> {
  const { db, env } = getDeps();
  const { tenant, user } = current;
  return db.withTenant(
    tenant.id,
    async (tx) => {
      const { members, invitations } = await listMembers(tx, tenant.id);
      const subaccounts =
        tenant.kind === "agency" ? (await listSubaccounts(tx, tenant, env.core)).length : null;
      return { members: members.length, pendingInvitations: invitations.length, subaccounts };
    },
    { userId: user.id },
  );
}
