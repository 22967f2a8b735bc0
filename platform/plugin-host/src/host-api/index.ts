export {
  addressRange,
  type LookupAll,
  type ResolvedAddress,
  resolvePublic,
} from "./address-guard.ts";
export { isAllowed } from "./allow-list.ts";
export { type CreateHostApiOptions, createHostApi } from "./create-host-api.ts";
export type { FetchOptions, GetSecret } from "./fetch.ts";
export { createPluginLogger, type LogLimits, type PluginLogEntry } from "./log.ts";
export { type PaymentsSink, paymentArgSchemas, paymentMethods } from "./payments.ts";
export type { HostSinks } from "./sinks.ts";
