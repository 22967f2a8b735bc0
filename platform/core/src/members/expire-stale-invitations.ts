import { type AppDatabase, and, eq, invitations, lte, sql } from "@omnify/db";

/**
 * Marks every pending invitation past its expiry as expired, tenant by tenant (each in its
 * own withTenant, so RLS holds even for this system job). Returns how many changed.
 */
export async function expireStaleInvitations(db: AppDatabase, now = new Date()): Promise<number> {
  const tenants = await db.withoutTenant((tx) =>
    tx.execute<{ id: string }>(sql`select id from app.tenant_ids()`),
  );
  let expired = 0;
  for (const { id } of tenants) {
    const rows = await db.withTenant(id, (tx) =>
      tx
        .update(invitations)
        .set({ status: "expired" })
        .where(
          and(
            eq(invitations.tenantId, id),
            eq(invitations.status, "pending"),
            lte(invitations.expiresAt, now),
          ),
        )
        .returning({ id: invitations.id }),
    );
    expired += rows.length;
  }
  return expired;
}
