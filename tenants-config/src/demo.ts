import { createAppDatabase } from "@omnify/db";
import { loadRegistry } from "./registry";
import { type SyncOptions, type SyncReport, syncTenants } from "./sync";

export const DEFAULT_DEMO_PASSWORD = "demo-password-1";

/**
 * Loads the checked-in tenants and syncs them through the app login at `appUrl`; for the
 * start script, which has already migrated the database.
 */
export async function syncDemoTenants(
  appUrl: string,
  opts: SyncOptions = { demoPassword: DEFAULT_DEMO_PASSWORD },
): Promise<SyncReport> {
  const defs = await loadRegistry();
  const db = createAppDatabase(appUrl, { max: 2 });
  try {
    return await syncTenants(db, defs, opts);
  } finally {
    await db.close();
  }
}
