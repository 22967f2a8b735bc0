import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { processEnv, readDbEnv } from "../env";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded";
import { appUrlFrom, redactUrl } from "./urls";

export type ResolvedDatabase = {
  adminUrl: string;
  appUrl: string;
  appPassword: string;
  source: "embedded" | "external";
  embedded?: EmbeddedServer;
};

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Picks the database: DATABASE_URL when set (an external PostgreSQL >= 15, checked for
 * reachability and version), otherwise the embedded server under OMNIFY_DATA_DIR.
 */
export async function resolveDatabase(
  env: NodeJS.ProcessEnv = processEnv(),
  opts: { preferredPort?: number } = {},
): Promise<ResolvedDatabase> {
  const parsed = readDbEnv(env);
  const appPassword = parsed.OMNIFY_APP_DB_PASSWORD;
  if (parsed.DATABASE_URL) {
    await assertReachable(parsed.DATABASE_URL);
    return {
      adminUrl: parsed.DATABASE_URL,
      appUrl: appUrlFrom(parsed.DATABASE_URL, appPassword),
      appPassword,
      source: "external",
    };
  }
  const dataDir = join(parsed.OMNIFY_DATA_DIR ?? join(repoRoot, ".data"), "pg");
  const embedded = await startEmbeddedPostgres({ dataDir, preferredPort: opts.preferredPort });
  return {
    adminUrl: embedded.adminUrl,
    appUrl: appUrlFrom(embedded.adminUrl, appPassword),
    appPassword,
    source: "embedded",
    embedded,
  };
}

/** Fails with a message that names DATABASE_URL and what is wrong with it. */
export async function assertReachable(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [row] = await sql<
      { v: number }[]
    >`select current_setting('server_version_num')::int as v`;
    if (!row || row.v < 150000) {
      throw new Error(
        `DATABASE_URL (${redactUrl(url)}) is PostgreSQL ${row?.v}; Omnify needs 15 or newer`,
      );
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("DATABASE_URL")) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`DATABASE_URL (${redactUrl(url)}) is unreachable: ${reason}`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}
