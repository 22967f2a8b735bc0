/**
 * Request headers proxy.ts sets after validating the Host. Anything a client sends under
 * these names is dropped first, so downstream code can trust them.
 */
export const HOST_HEADER = "x-omnify-host";
/** `platform` | `agency` | `subaccount` | `custom` (see parseHost); absent when invalid. */
export const HOST_KIND_HEADER = "x-omnify-host-kind";
/** The requested path, so server components can build `/signin?callbackUrl=`. */
export const PATH_HEADER = "x-omnify-path";
