export { ensurePluginContextKey, pluginHostToken } from "./context-key";
export { pluginRuntimeUrl } from "./login-urls";
export { migratePlugin, type PluginMigration, PluginMigrationError } from "./migrate";
export { type PluginNames, pluginNames } from "./names";
export { pluginTenantPolicySql } from "./policy";
export { type PluginDatabaseUrls, type ProvisionedPlugin, provisionPlugin } from "./provision";
export {
  createPluginDatabase,
  DEFAULT_PLUGIN_QUERY_LIMITS,
  type PluginDatabase,
  type PluginTenantSession,
  withPluginTenant,
} from "./runtime";
export { PluginQueryError } from "./statement-guard";
export type {
  PluginQueryLimits,
  PluginQueryMethod,
  PluginQueryResult,
  PluginStatement,
} from "./tenant-transaction";
export { type PluginSchemaViolation, TENANT_POLICY_EXPR, verifyPluginSchema } from "./verify";
