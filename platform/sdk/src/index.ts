/**
 * @omnify/plugin-sdk: the only package a plugin may import. Server code runs in an isolate
 * where the context below is the whole world: no Node, no network, no timers of its own.
 */
export { z } from "zod";
export type {
  BridgeFetchArgs,
  BridgeFetchResult,
  BridgeMethod,
  BridgeMethods,
  BridgeReply,
  FetchAuth,
  HostBridge,
  HttpMethod,
  JobOptions,
} from "./bridge.ts";
export type {
  PgProxyQuery,
  PluginContext,
  PluginFetchInit,
  PluginLogger,
  PluginResponse,
} from "./context.ts";
export {
  definePlugin,
  type PluginDefinition,
  type PluginDefinitionInput,
  type PluginDescriptor,
  type PluginServer,
  type ProcedureDef,
} from "./define-plugin.ts";
export { PluginManifestError } from "./manifest/issues.ts";
export type { Capabilities, Manifest, ManifestInput } from "./manifest/schema.ts";
export { HostApiError } from "./runtime/host-api-error.ts";
export { type SettingsField, settingsFormFields } from "./settings-form.ts";
