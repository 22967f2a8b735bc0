import { findAuditRecords } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZFindAuditInput, ZFindAuditOutput } from "./audit.types";

/** Members allowed `audit.read`: the tenant's audit log, newest first, a page at a time. */
export const findAuditRoute = authorizedProcedure("audit.read")
  .input(ZFindAuditInput)
  .output(ZFindAuditOutput)
  .query(({ ctx, input }) => findAuditRecords(ctx.tx, input));
