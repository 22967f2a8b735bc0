import { type AppDatabase, sql } from "@omnify/db";
import { generateSecretToken, hashSecretToken } from "../auth/secret-token";
import { isUniqueViolation } from "../unique-violation";
import { generatePairingCode } from "./pairing-code";

export type StartedPairing = {
  code: string;
  pairingId: string;
  pollToken: string;
  expiresAt: Date;
};

/**
 * Anonymous: a screen asks for a pairing code to display. The poll token proves later that
 * the poller is the screen that asked; only its hash is stored. Valid ten minutes.
 */
export async function startDevicePairing(db: AppDatabase): Promise<StartedPairing> {
  for (let attempt = 0; ; attempt++) {
    const code = generatePairingCode();
    const pollToken = generateSecretToken();
    try {
      const rows = await db.withoutTenant((tx) =>
        tx.execute<{ id: string; expires_at: string | Date }>(
          sql`select * from app.create_device_pairing(${code}, ${hashSecretToken(pollToken)})`,
        ),
      );
      const row = rows[0];
      if (!row) throw new Error("create_device_pairing returned no row");
      return { code, pairingId: row.id, pollToken, expiresAt: new Date(row.expires_at) };
    } catch (error) {
      // A live code collided (one in ~10^12 per pair): draw another.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
