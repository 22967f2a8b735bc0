import { purgeUninstalledPlugins } from "@omnify/core";
import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { pluginPurgePayload } from "./plugin-purge";

/** Plugin data goes first (through the runtime, as the plugin's own login); then the row. */
const pluginPurge: JobHandler<z.output<typeof pluginPurgePayload>> = async (p, ctx) => {
  const runtime = ctx.plugins;
  if (!runtime) throw new Error("the plugin runtime is not configured for this worker");
  const purged = await purgeUninstalledPlugins(ctx.db, {
    ...(p.graceMs !== undefined ? { graceMs: p.graceMs } : {}),
    purgeData: async (tenantId, pluginId) => {
      const result = await runtime.purge(tenantId, pluginId);
      if (!result.ok) throw new Error(`purge ${pluginId}: ${result.error.message}`);
    },
  });
  ctx.log.info(`[worker] plugin-purge: ${purged.length} installation(s) purged`);
  return { purged };
};

export default pluginPurge;
