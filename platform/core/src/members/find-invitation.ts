import { and, eq, invitations, type Tx } from "@omnify/db";
import { hashSecretToken, isWellFormedToken } from "../auth/secret-token";

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = "pending" | "accepted" | "expired" | "revoked";

/** The invitation a token belongs to, in the tenant `tx` runs as; `lock` for accepting. */
export async function findInvitationByToken(
  tx: Tx,
  tenantId: string,
  token: unknown,
  opts: { lock?: boolean } = {},
): Promise<InvitationRow | null> {
  if (!isWellFormedToken(token)) return null;
  const query = tx
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tenantId, tenantId), eq(invitations.tokenHash, hashSecretToken(token))),
    );
  const [row] = opts.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** A pending invitation past its expiry is expired even before the sweep job marks it. */
export function invitationState(row: InvitationRow, now: Date): InvitationState {
  if (row.status === "pending" && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return row.status;
}
