import { and, apiKeys, eq, isNull, type Tx } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { DomainError } from "../errors";

/** Revokes a key of the transaction's tenant (RLS hides others'); revoking twice is refused. */
export async function revokeApiKey(
  tx: Tx,
  id: string,
  by: { actorUserId: string | null; request?: RequestMeta | null },
  now = new Date(),
): Promise<{ prefix: string }> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ prefix: apiKeys.prefix });
  if (!row) throw new DomainError("NOT_FOUND", "No active API key with that id", "id");
  await recordAudit(tx, {
    action: "apiKey.revoked",
    actor: { userId: by.actorUserId },
    target: { type: "api_key", id },
    request: by.request,
    metadata: { prefix: row.prefix },
  });
  return row;
}
