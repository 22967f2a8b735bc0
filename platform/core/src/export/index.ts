export { exportDirFrom } from "./config";
export { exportTenant, importTenant, type TransferOutcome } from "./jobs";
export { type Manifest, ZManifest } from "./manifest";
export type { PluginDataAccess } from "./plugin-data";
export { MAX_ARCHIVE_BYTES, readArchive } from "./read-archive";
export { exportDownload, requestExport, requestImport } from "./requests";
export { NOT_EXPORTED, NOT_IMPORTED } from "./table-rules";
export {
  assertSubaccount,
  listTransfers,
  TRANSFER_CHANNEL,
  TRANSFER_EVENT,
  type TransferSummary,
} from "./transfers";
