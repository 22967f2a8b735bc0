import { exportTenant } from "@omnify/core/export/jobs";
import type { z } from "zod";
import { readTransferEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { transferPayload } from "./export-tenant";

const run: JobHandler<z.output<typeof transferPayload>> = async (payload, { db, log }) => {
  const { exportDir, plugins } = readTransferEnv();
  const outcome = await exportTenant(db, { ...payload, exportDir, plugins });
  log.info(`[worker] export-tenant ${payload.jobId}: ${outcome.status}`);
  return outcome;
};

export default run;
