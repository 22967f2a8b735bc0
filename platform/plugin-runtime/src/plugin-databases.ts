import { createPluginDatabase, type PluginDatabase, pluginRuntimeUrl } from "@omnify/db";

/**
 * One pg-proxy database per plugin, on that plugin's runtime login (whose password is
 * derived from the host secret), opened on first use and kept for the process's life.
 */
export function createPluginDatabases(opts: {
  baseUrl: string;
  hostSecret: string;
  hostToken: string;
}) {
  const open = new Map<string, PluginDatabase>();
  return {
    get(pluginId: string): PluginDatabase {
      let db = open.get(pluginId);
      if (!db) {
        db = createPluginDatabase({
          runtimeUrl: pluginRuntimeUrl(opts.baseUrl, pluginId, opts.hostSecret),
          hostToken: opts.hostToken,
        });
        open.set(pluginId, db);
      }
      return db;
    },
    async close() {
      await Promise.all([...open.values()].map((db) => db.close()));
      open.clear();
    },
  };
}
export type PluginDatabases = ReturnType<typeof createPluginDatabases>;
