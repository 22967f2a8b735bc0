import { exportAuditCsv, recordAudit } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZAuditFilters, ZExportAuditOutput } from "./audit.types";

/**
 * Members allowed `audit.read`: the filtered log as CSV text. A mutation because exporting
 * the log is itself recorded (`audit.exported`) in the same transaction.
 */
export const exportAuditCsvRoute = authorizedProcedure("audit.read")
  .input(ZAuditFilters)
  .output(ZExportAuditOutput)
  .mutation(async ({ ctx, input }) => {
    const csv = await exportAuditCsv(ctx.tx, input);
    await recordAudit(ctx.tx, {
      action: "audit.exported",
      actor: { userId: ctx.user.id },
      request: { ip: ctx.ip, userAgent: ctx.userAgent ?? null },
      metadata: { filters: input },
    });
    const day = new Date().toISOString().slice(0, 10);
    return { csv, filename: `audit-${ctx.tenant.slug}-${day}.csv` };
  });
