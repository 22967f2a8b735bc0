import { and, apiKeys, eq, isNull, type Tx } from "@omnify/db";
import { DomainError } from "../errors";

/** Revokes a key of the transaction's tenant (RLS hides others'); revoking twice is refused. */
export async function revokeApiKey(
  tx: Tx,
  id: string,
  now = new Date(),
): Promise<{ prefix: string }> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ prefix: apiKeys.prefix });
  if (!row) throw new DomainError("NOT_FOUND", "No active API key with that id", "id");
  return row;
}
