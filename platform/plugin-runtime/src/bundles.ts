import { createHash } from "node:crypto";
import { loadServerCode } from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import type { PluginBundle } from "@omnify/plugin-host";

/** The stored code does not hash to what was registered: refuse to run it. */
export class BundleIntegrityError extends Error {
  override name = "BundleIntegrityError";
  readonly code = "integrity";
}

/**
 * Server bundles by catalog hash. A version's row is immutable, so a bundle verified once
 * stays valid; the cache only saves re-reading (and re-hashing) ~100s of kB per call.
 */
export function createBundleCache(db: AppDatabase, max = 200) {
  const cache = new Map<string, PluginBundle>();
  return async (tenantId: string, pluginId: string, version: string, sha256: string) => {
    const hit = cache.get(sha256);
    if (hit) return hit;
    const row = await db.withTenant(tenantId, (tx) => loadServerCode(tx, pluginId, version));
    const actual = createHash("sha256").update(row.code, "utf8").digest("hex");
    if (row.sha256 !== sha256 || actual !== sha256)
      throw new BundleIntegrityError(
        `${pluginId}@${version}: stored bundle fails its sha256 check`,
      );
    const bundle = { code: row.code, sha256 };
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(sha256, bundle);
    return bundle;
  };
}
