import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createLocalStorage,
  installPlugin,
  type PluginRelease,
  registerPluginVersion,
} from "@omnify/core";
import {
  createAppDatabase,
  ensurePluginContextKey,
  migratePlugin,
  provisionPlugin,
} from "@omnify/db";
import { buildPlugin } from "@omnify/plugin-host";
import { afterAll, beforeAll } from "vitest";
import { setupWorld, type WorldSetup } from "../../core/test/helpers";
import { type RunningRuntime, startPluginRuntime } from "../src/start";

/** One secret for every file: plugin login roles are cluster-wide and derive from it. */
export const RUNTIME_SECRET = "omnify-plugin-runtime-secret-test-only";
export const ECHO_CAPS = {
  db: { migrations: true },
  events: { subscribe: ["member.joined"], emit: ["echo.heard"] },
  realtime: { channels: ["pings"] },
  meters: [{ name: "echoes", aggregation: "sum" }],
  schedules: [{ id: "tick", cron: "*/5 * * * *" }],
  devices: { procedures: ["whoami"] },
  storage: { accept: ["text/plain"], maxObjectMb: 1 },
} as const;

const dir = fileURLToPath(new URL("./fixtures/rt-echo/", import.meta.url));
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** The fixture plugin built for real (bundle + sandboxed manifest), as a catalog release. */
export async function buildEcho(): Promise<PluginRelease> {
  const built = await buildPlugin(`${dir}plugin.ts`, { root: dir });
  const migration = readFileSync(`${dir}migrations/0001_notes.sql`, "utf8");
  return {
    record: {
      id: built.manifest.id,
      version: built.manifest.version,
      manifest: built.manifest as unknown as Record<string, unknown>,
      server: { file: "server.js", sha256: built.sha256 },
      ui: null,
      migrations: [{ name: "0001_notes.sql", sha256: sha(migration) }],
    },
    serverCode: built.code,
    migrationSql: { "0001_notes.sql": migration },
  };
}

export type RuntimeWorld = WorldSetup & { runtime: RunningRuntime; release: PluginRelease };

/**
 * A seeded database with `rt-echo` built, registered, provisioned, migrated and installed
 * (enabled) in agency alpha, and a real runtime service on a free loopback port.
 */
export function setupRuntimeWorld(): RuntimeWorld {
  const s = setupWorld() as RuntimeWorld;
  beforeAll(async () => {
    s.release = await buildEcho();
    const registrar = createAppDatabase(s.t.adminUrl, { max: 1 });
    try {
      await registerPluginVersion(registrar, s.release);
    } finally {
      await registrar.close();
    }
    await ensurePluginContextKey(s.t.admin, RUNTIME_SECRET);
    const urls = await provisionPlugin(s.t.admin, {
      pluginId: "rt-echo",
      hostSecret: RUNTIME_SECRET,
    });
    await migratePlugin(urls, {
      pluginId: "rt-echo",
      migrations: [{ name: "0001_notes.sql", sql: s.release.migrationSql["0001_notes.sql"] ?? "" }],
    });
    await installPlugin(s.t.app, {
      tenantId: s.w.alpha,
      actor: { userId: s.w.users.owner.id, role: "agency_owner" },
      pluginId: "rt-echo",
      version: "1.0.0",
      consentedCapabilities: ECHO_CAPS,
      hostApiVersion: "1.0.0",
    });
    s.runtime = await startPluginRuntime({
      appUrl: s.t.appUrl,
      adminUrl: s.t.adminUrl,
      omnifySecret: RUNTIME_SECRET,
      port: 0,
      environment: "test",
      storage: createLocalStorage(mkdtempSync(join(tmpdir(), "omnify-rt-storage-"))),
      pool: { processes: 1 },
      writeLog: () => {},
    });
  }, 120_000);
  afterAll(async () => {
    await s.runtime?.stop();
  });
  return s;
}
