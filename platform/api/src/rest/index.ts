export { createDeviceHandlers, type DeviceHandlerDeps } from "./device-invoke";
export { createDevicePairingHandlers, PAIRING_RATE_LIMIT } from "./device-pairing";
export {
  createRestFetchHandler,
  DEFAULT_RATE_LIMIT,
  REST_PREFIX,
  type RestFetchHandler,
} from "./handler";
export type { OpenApiMeta } from "./init";
export { generateOpenApiDocument } from "./openapi";
export { createPluginFileHandler, type PluginFileDeps } from "./plugin-files";
export {
  createPluginUploadHandler,
  type PluginUploadDeps,
  type UploadRequest,
} from "./plugin-uploads";
