export { type BuildRecord, buildRecordSchema, type PluginRelease } from "./build-record";
export {
  addedCapabilities,
  capabilityAtoms,
  describeCapabilities,
  sameCapabilities,
} from "./capabilities";
export {
  type Actor as PluginActor,
  type CatalogVersion,
  catalogVersions,
  findInstallation,
  type InstallationSummary,
  latestVersion,
  loadVersion,
} from "./catalog-rows";
export { drainPluginEvents, type QueuedPluginEvent, tenantsWithPluginEvents } from "./drain-events";
export { emitTenantEvent, MAX_EVENT_HOPS, queuePluginEvent } from "./emit-event";
export { type InstallPluginInput, installPlugin, parseConsent } from "./install-plugin";
export { type IndexedInstallation, listInstallationIndex } from "./installation-index";
export { type CatalogEntry, listPluginCatalog } from "./list-catalog";
export { listEnabledPluginUi, PLUGIN_ASSET_PREFIX } from "./list-enabled-ui";
export {
  capabilitiesSchema,
  type PluginCapabilities,
  type PluginManifest,
  readManifest,
} from "./manifest";
export { getPluginSettings, setPluginSecret, updatePluginSettings } from "./plugin-settings";
export { purgeUninstalledPlugins, UNINSTALL_GRACE_MS } from "./purge-uninstalled";
export { registerPluginVersion } from "./register-version";
export {
  type InvocationTarget,
  loadServerCode,
  resolveInvocationTarget,
} from "./resolve-invocation";
export { CURRENT_KEY_VERSION, deriveKek } from "./secrets/envelope";
export { listPluginSecretNames, readPluginSecret, writePluginSecret } from "./secrets/store";
export { type PluginStatusChange, setPluginStatus } from "./set-plugin-status";
export { SettingsValidationError, validatePluginSettings } from "./settings";
export { type UpgradePluginInput, upgradePlugin } from "./upgrade-plugin";
