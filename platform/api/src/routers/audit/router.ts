import { createTRPCRouter } from "../../trpc";
import { exportAuditCsvRoute } from "./export-csv";
import { findAuditRoute } from "./find-audit";

export const auditRouter = createTRPCRouter({
  find: findAuditRoute,
  exportCsv: exportAuditCsvRoute,
});
