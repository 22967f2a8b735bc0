import { type AppDatabase, devices, eq, sql } from "@omnify/db";
import { secretMatchesHash } from "../api-keys/hash-matches";
import { isWellFormedToken } from "../auth/secret-token";
import { DomainError } from "../errors";

type DeviceRow = {
  tenant_id: string;
  token_hash: string | null;
  revoked_at: string | Date | null;
  last_seen_at: string | Date | null;
};

const TOKEN_SHAPE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(.+)$/;
const SEEN_EVERY_MS = 60_000;
const refused = (message: string) => new DomainError("UNAUTHORIZED", message, "token");

/**
 * A screen's bearer token (`<device id>.<secret>`) → its tenant and device. Records the
 * contact (time, IP, app version) at most once a minute. Revoked devices are refused.
 */
export async function authenticateDevice(
  db: AppDatabase,
  token: string,
  meta: { ip?: string | null; appVersion?: string | null } = {},
  now = new Date(),
): Promise<{ tenantId: string; deviceId: string }> {
  const match = TOKEN_SHAPE.exec(token);
  const [, deviceId, secret] = match ?? [];
  if (!deviceId || !secret || !isWellFormedToken(secret)) throw refused("Malformed device token");
  const [row] = await db.withoutTenant((tx) =>
    tx.execute<DeviceRow>(sql`select * from app.device_for_token(${deviceId})`),
  );
  if (!row || !secretMatchesHash(secret, row.token_hash)) throw refused("Unknown device token");
  if (row.revoked_at) throw refused("This screen was removed from its workspace");
  const lastSeen = row.last_seen_at ? new Date(row.last_seen_at).getTime() : 0;
  if (now.getTime() - lastSeen >= SEEN_EVERY_MS) {
    await db.withTenant(row.tenant_id, (tx) =>
      tx
        .update(devices)
        .set({
          lastSeenAt: now,
          ...(meta.ip !== undefined ? { lastIp: meta.ip } : {}),
          ...(meta.appVersion ? { appVersion: meta.appVersion.slice(0, 64) } : {}),
        })
        .where(eq(devices.id, deviceId)),
    );
  }
  return { tenantId: row.tenant_id, deviceId };
}
