import { requestExport } from "@omnify/core";
import { adminProcedure, requireRecentAuth } from "../../trpc";
import { ZTransfer } from "./exports.types";

/** Step-up: queues an export of all the sub-account's data; the worker builds the archive. */
export const createExportRoute = adminProcedure
  .use(requireRecentAuth)
  .output(ZTransfer)
  .mutation(({ ctx }) =>
    requestExport(ctx.tx, { tenant: ctx.tenant, userId: ctx.user.id, request: { ip: ctx.ip } }),
  );
