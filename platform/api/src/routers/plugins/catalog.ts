import { listPluginCatalog } from "@omnify/core";
import { HOST_API_VERSION } from "@omnify/plugin-host/version";
import { tenantProcedure } from "../../trpc";
import { ZCatalogOutput } from "./catalog.types";

/** Any member: the newest version of each plugin and this workspace's installation of it. */
export const catalogRoute = tenantProcedure
  .output(ZCatalogOutput)
  .query(({ ctx }) => listPluginCatalog(ctx.tx, ctx.tenant.id, HOST_API_VERSION));
