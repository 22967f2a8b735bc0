import { createTRPCRouter } from "../../trpc";
import { createExportRoute } from "./create-export";
import { findExportsRoute } from "./find-exports";

/** Imports are uploads: see the app's /settings/export/import route. */
export const exportsRouter = createTRPCRouter({
  find: findExportsRoute,
  create: createExportRoute,
});
