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
  PluginCaller,
  PluginContext,
  PluginDevice,
  PluginFetchInit,
  PluginLogger,
  PluginResponse,
  RealtimePublishOptions,
  StoredObject,
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
export {
  type Checkout,
  type ConnectedAccount,
  type CreateCheckoutInput,
  type CreateConnectedAccountInput,
  type CreateSubaccountInput,
  PAYMENT_PROVIDERS,
  type PaymentBridgeMethods,
  type PaymentProvider,
  type PaymentRefundedEvent,
  type PaymentSucceededEvent,
  type PayoutInput,
  type PluginPayments,
  type Refund,
  type RefundInput,
} from "./payments.ts";
export { HostApiError } from "./runtime/host-api-error.ts";
export { type SettingsField, settingsFormFields } from "./settings-form.ts";
