export { createObjectStorage, type StorageEnv, storageEnvSchema } from "./config";
export { createLocalStorage } from "./local-storage";
export { assertSafePath, type ByteRange, type ObjectStorage } from "./object-storage";
export {
  deletePluginObject,
  type PluginObjectInfo,
  pluginObjectPath,
  putPluginObject,
  sha256Hex,
  statPluginObject,
} from "./plugin-objects";
export { PROBED_TYPES, type ProbedMedia, probeMedia } from "./probe-media";
export { createS3Storage, type S3StorageConfig } from "./s3-storage";
export { pluginFileUrl, verifyPluginFileSignature } from "./signed-url";
