import { and, devices, eq, isNull, type Tx } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { DomainError } from "../errors";

/** Revokes a screen of the transaction's tenant; its token is refused from then on. */
export async function revokeDevice(
  tx: Tx,
  id: string,
  by: { actorUserId: string | null; actorLabel?: string; request?: RequestMeta | null },
  now = new Date(),
): Promise<{ name: string }> {
  const [row] = await tx
    .update(devices)
    .set({ revokedAt: now })
    .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
    .returning({ name: devices.name });
  if (!row) throw new DomainError("NOT_FOUND", "No active screen with that id", "id");
  await recordAudit(tx, {
    action: "device.revoked",
    actor: { userId: by.actorUserId, label: by.actorLabel },
    target: { type: "device", id },
    request: by.request,
    metadata: { name: row.name },
  });
  return row;
}
