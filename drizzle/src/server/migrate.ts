import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ensureRoles } from "./roles";

export const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Creates the roles, then applies every committed migration not yet applied. Idempotent. */
export async function migrateDatabase(adminUrl: string, appPassword: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await ensureRoles(admin, appPassword);
    await admin.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('omnify.migrate'))`;
    });
    await migrate(drizzle(admin), { migrationsFolder });
  } finally {
    await admin.end();
  }
}
