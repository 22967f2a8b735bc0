export { buildPluginDir } from "./build.ts";
export {
  BUILD_RECORD_FILE,
  type BuildRecord,
  createBuildRecord,
  SERVER_FILE,
  serializeBuildRecord,
} from "./build-record.ts";
export { PluginBuildError } from "./errors.ts";
export type { MigrationRecord } from "./migrations.ts";
