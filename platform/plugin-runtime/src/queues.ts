/**
 * pg-boss queue of a plugin job: `plugin.<id>.<job>`. Queue names allow `_ . - /` but job
 * ids may contain `:`, which job ids cannot contain as `/`, so the mapping stays one-to-one.
 */
export function pluginQueueName(pluginId: string, jobId: string): string {
  return `plugin.${pluginId}.${jobId.replaceAll(":", "/")}`;
}

/** What every plugin job carries; the tenant is the one the enqueuing invocation ran for. */
export type PluginJobData = {
  tenantId: string;
  pluginId: string;
  jobId: string;
  payload: unknown;
};
