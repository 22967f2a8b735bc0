import { desc, devices, type Tx } from "@omnify/db";

export type DeviceSummary = {
  id: string;
  name: string;
  /** False until the screen has collected its token after the code was claimed. */
  paired: boolean;
  createdAt: Date;
  lastSeenAt: Date | null;
  lastIp: string | null;
  appVersion: string | null;
  revokedAt: Date | null;
};

/** The transaction's tenant's screens, newest first; never the token hash. */
export async function listDevices(tx: Tx): Promise<DeviceSummary[]> {
  const rows = await tx.select().from(devices).orderBy(desc(devices.createdAt));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    paired: d.tokenHash !== null,
    createdAt: d.createdAt,
    lastSeenAt: d.lastSeenAt,
    lastIp: d.lastIp,
    appVersion: d.appVersion,
    revokedAt: d.revokedAt,
  }));
}
