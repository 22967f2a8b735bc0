import { type AppDatabase, and, devices, eq, isNull, sql } from "@omnify/db";
import { secretMatchesHash } from "../api-keys/hash-matches";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "../auth/secret-token";
import { DomainError } from "../errors";

export type PollResult =
  | { status: "pending"; expiresAt: Date }
  | { status: "paired"; deviceId: string; tenantId: string; token: string };

type PairingRow = {
  poll_token_hash: string;
  expires_at: string | Date;
  claimed_tenant_id: string | null;
  device_id: string | null;
  delivered_at: string | Date | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The screen's poll. Once an admin has claimed the code, the first successful poll mints
 * the long-lived device token and stores its hash on the device row, in the claiming
 * tenant's transaction; it is returned exactly once.
 */
export async function pollDevicePairing(
  db: AppDatabase,
  input: { pairingId: string; pollToken: string },
  now = new Date(),
): Promise<PollResult> {
  if (!UUID.test(input.pairingId))
    throw new DomainError("BAD_INPUT", "Unknown pairing", "pairingId");
  if (!isWellFormedToken(input.pollToken)) {
    throw new DomainError("UNAUTHORIZED", "Invalid poll token", "pollToken");
  }
  const [row] = await db.withoutTenant((tx) =>
    tx.execute<PairingRow>(sql`select * from app.device_pairing_for_poll(${input.pairingId})`),
  );
  if (!row || !secretMatchesHash(input.pollToken, row.poll_token_hash)) {
    throw new DomainError("UNAUTHORIZED", "Unknown pairing or wrong poll token", "pollToken");
  }
  if (row.delivered_at) {
    throw new DomainError("CONFLICT", "This pairing's token was already collected", "pairingId");
  }
  if (!row.claimed_tenant_id || !row.device_id) {
    if (new Date(row.expires_at) <= now) {
      throw new DomainError(
        "BAD_INPUT",
        "The pairing code expired; start pairing again",
        "pairingId",
      );
    }
    return { status: "pending", expiresAt: new Date(row.expires_at) };
  }
  const tenantId = row.claimed_tenant_id;
  const secret = generateSecretToken();
  const deviceId = await db.withTenant(tenantId, async (tx) => {
    const [delivered] = await tx.execute<{ device_id: string | null }>(
      sql`select app.deliver_device_pairing(${input.pairingId}) as device_id`,
    );
    const id = delivered?.device_id;
    if (!id)
      throw new DomainError("CONFLICT", "This pairing's token was already collected", "pairingId");
    const updated = await tx
      .update(devices)
      .set({ tokenHash: hashSecretToken(secret) })
      .where(and(eq(devices.id, id), isNull(devices.tokenHash), isNull(devices.revokedAt)))
      .returning({ id: devices.id });
    if (updated.length === 0) {
      throw new DomainError(
        "CONFLICT",
        "The screen was removed before it collected its token",
        "pairingId",
      );
    }
    return id;
  });
  return { status: "paired", deviceId, tenantId, token: `${deviceId}.${secret}` };
}
