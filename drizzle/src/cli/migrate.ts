import { migrateDatabase, redactUrl, resolveDatabase } from "../index";

/** `npm run db:migrate`: migrate the embedded database (or DATABASE_URL) and exit. */
const db = await resolveDatabase();
try {
  await migrateDatabase(db.adminUrl, db.appPassword);
  console.log(`[omnify] migrations applied to ${redactUrl(db.adminUrl)} (${db.source})`);
} catch (error) {
  console.error(`[omnify] migration failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await db.embedded?.stop();
}
