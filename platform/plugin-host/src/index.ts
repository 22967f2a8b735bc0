export { buildPlugin } from "./build-plugin.ts";
export { type BuiltBundle, buildServerBundle, PluginBundleError } from "./bundle.ts";
export * from "./errors.ts";
export * from "./host-api/index.ts";
export {
  createPluginHostPool,
  type InvokeRequest,
  type PluginBundle,
  type PluginHostPool,
  type PoolStats,
  type PrewarmRequest,
} from "./pool/create-pool.ts";
export type { HostApiHandler, HostCallContext, PluginHostPoolOptions } from "./pool/options.ts";
export { DEFAULTS as POOL_DEFAULTS } from "./pool/options.ts";
export type { PluginUsage } from "./pool/usage.ts";
export { HOST_API_VERSION } from "./version.ts";
