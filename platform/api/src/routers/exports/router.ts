import { createTRPCRouter } from "../../trpc";
import { authorizeImportRoute } from "./authorize-import";
import { createExportRoute } from "./create-export";
import { findExportsRoute } from "./find-exports";

/** Imports are uploads: see the app's /settings/export/import route. */
export const exportsRouter = createTRPCRouter({
  find: findExportsRoute,
  create: createExportRoute,
  authorizeImport: authorizeImportRoute,
});
