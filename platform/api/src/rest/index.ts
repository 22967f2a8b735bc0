export { createDevicePairingHandlers } from "./device-pairing";
export {
  createRestFetchHandler,
  DEFAULT_RATE_LIMIT,
  REST_PREFIX,
  type RestFetchHandler,
} from "./handler";
export type { OpenApiMeta } from "./init";
export { generateOpenApiDocument } from "./openapi";
