import { devices, sql, type Tx } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { badInput } from "../errors";
import { normalizePairingCode } from "./pairing-code";

const CLAIM_ERRORS: Record<string, string> = {
  unknown: "No screen is showing that code; check it and try again",
  expired: "That code has expired; restart pairing on the screen for a new one",
  used: "That code was already used; restart pairing on the screen for a new one",
};

/**
 * An admin enters the code a screen shows: creates the device in the transaction's tenant
 * and marks the pairing claimed. Any refusal throws, so the device row rolls back with it.
 */
export async function claimDevice(
  tx: Tx,
  input: {
    tenantId: string;
    code: string;
    name: string;
    actorUserId: string | null;
    /** Who acted when no user did (a plugin claiming through ctx.devices). */
    actorLabel?: string;
    request?: RequestMeta | null;
  },
): Promise<{ deviceId: string; name: string }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw badInput("name", "Give the screen a name of 1 to 100 characters");
  }
  const code = normalizePairingCode(input.code);
  if (!code) throw badInput("code", "Enter the 8-character code shown on the screen");
  const [device] = await tx
    .insert(devices)
    .values({ tenantId: input.tenantId, name })
    .returning({ id: devices.id });
  if (!device) throw new Error("device insert returned no row");
  const [result] = await tx.execute<{ status: string }>(
    sql`select app.claim_device_pairing(${code}, ${device.id}) as status`,
  );
  const status = result?.status ?? "unknown";
  if (status !== "claimed")
    throw badInput("code", CLAIM_ERRORS[status] ?? CLAIM_ERRORS.unknown ?? "");
  await recordAudit(tx, {
    action: "device.paired",
    actor: { userId: input.actorUserId, label: input.actorLabel },
    target: { type: "device", id: device.id },
    request: input.request,
    metadata: { name },
  });
  return { deviceId: device.id, name };
}
