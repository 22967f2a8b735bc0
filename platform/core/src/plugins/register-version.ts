import { createHash } from "node:crypto";
import { type AppDatabase, and, eq, pluginVersions } from "@omnify/db";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../unique-violation";
import { buildRecordSchema, type PluginRelease } from "./build-record";
import { readManifest } from "./manifest";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** What makes two builds "the same version": the code, the UI and the migrations. */
function fingerprint(row: {
  serverSha256: string;
  ui: Record<string, unknown> | null;
  migrations: Array<{ name: string; sha256: string }>;
}): string {
  const ui = row.ui ? String(row.ui.manifestSha256) : "-";
  const migrations = row.migrations.map((m) => `${m.name}:${m.sha256}`).join(",");
  return `${row.serverSha256}|${ui}|${migrations}`;
}

/**
 * Adds a built plugin version to the global catalog. Idempotent: the same build again is a
 * no-op (`created: false`); a different build under an existing (id, version) is refused,
 * because installed tenants pin that version and must keep running exactly what they
 * consented to. `db` must be on the admin login (the app role may not write the catalog).
 */
export async function registerPluginVersion(
  db: AppDatabase,
  release: PluginRelease,
): Promise<{ pluginId: string; version: string; created: boolean }> {
  const record = buildRecordSchema.parse(release.record);
  const manifest = readManifest(record.manifest);
  if (manifest.id !== record.id || manifest.version !== record.version)
    throw new DomainError("BAD_INPUT", "build record and manifest disagree on id or version");
  if (sha256(release.serverCode) !== record.server.sha256)
    throw new DomainError(
      "BAD_INPUT",
      `${record.id}@${record.version}: server bundle sha256 mismatch`,
    );
  const migrations = record.migrations.map((m) => {
    const text = release.migrationSql[m.name];
    if (text === undefined || sha256(text) !== m.sha256)
      throw new DomainError("BAD_INPUT", `${record.id}: migration ${m.name} is missing or changed`);
    return { ...m, sql: text };
  });
  const row = {
    pluginId: record.id,
    version: record.version,
    manifest: record.manifest,
    serverCode: release.serverCode,
    serverSha256: record.server.sha256,
    ui: record.ui,
    migrations,
  };
  const key = { pluginId: record.id, version: record.version, created: false };
  const compare = async () => {
    const [existing] = await db.withoutTenant((tx) =>
      tx
        .select({
          serverSha256: pluginVersions.serverSha256,
          ui: pluginVersions.ui,
          migrations: pluginVersions.migrations,
        })
        .from(pluginVersions)
        .where(
          and(eq(pluginVersions.pluginId, record.id), eq(pluginVersions.version, record.version)),
        ),
    );
    if (!existing) return null;
    if (fingerprint(existing) !== fingerprint(row))
      throw new DomainError(
        "CONFLICT",
        `${record.id}@${record.version} is already registered with different contents; bump the version`,
        "version",
      );
    return key;
  };
  const found = await compare();
  if (found) return found;
  try {
    await db.withoutTenant((tx) => tx.insert(pluginVersions).values(row));
    return { ...key, created: true };
  } catch (error) {
    // Two processes registering the same build at once: the loser re-checks the winner's row.
    if (!isUniqueViolation(error)) throw error;
    const raced = await compare();
    if (!raced) throw error;
    return raced;
  }
}
