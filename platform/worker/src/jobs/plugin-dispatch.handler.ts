import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { pluginDispatchPayload } from "./plugin-dispatch";

/** A plugin that was disabled since the event is skipped, not retried. */
const pluginDispatch: JobHandler<z.output<typeof pluginDispatchPayload>> = async (d, ctx) => {
  if (!ctx.plugins) throw new Error("the plugin runtime is not configured for this worker");
  const result = await ctx.plugins.invoke({
    tenantId: d.tenantId,
    pluginId: d.pluginId,
    kind: "event",
    name: d.type,
    input: d.payload,
  });
  if (result.ok || result.error.code === "not_enabled") return { delivered: result.ok };
  throw new Error(`${d.pluginId} ${d.type}: ${result.error.code}: ${result.error.message}`);
};

export default pluginDispatch;
