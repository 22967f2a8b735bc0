import type { PluginDescriptor } from "@omnify/plugin-sdk";
import { HostApiError } from "@omnify/plugin-sdk";
import { type BuiltBundle, buildServerBundle } from "./bundle.ts";
import { createPluginHostPool } from "./pool/create-pool.ts";

/**
 * Bundles a plugin and validates its manifest by loading it in a real sandbox (the manifest
 * is code, so it is only ever evaluated inside an isolate). For build scripts and the install
 * flow; starts and stops one worker process.
 */
export async function buildPlugin(
  entryFile: string,
  opts: { root?: string } = {},
): Promise<BuiltBundle & { manifest: PluginDescriptor }> {
  const bundle = await buildServerBundle(entryFile, opts);
  const pool = createPluginHostPool({
    processes: 1,
    // The 2 s production load limit is wall-clock time: a build running beside other builds
    // (turbo runs them in parallel on 2 cores) can be starved that long on its first compile.
    // Nothing untrusted runs here beyond the manifest, so wait longer rather than fail.
    loadTimeoutMs: 60_000,
    hostApi: async () => {
      throw new HostApiError("not_available", "host APIs are not available at build time");
    },
  });
  try {
    return { ...bundle, manifest: await pool.inspect(bundle) };
  } finally {
    await pool.close();
  }
}
