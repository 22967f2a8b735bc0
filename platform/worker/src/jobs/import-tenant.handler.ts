import { importTenant } from "@omnify/core/export/jobs";
import type { z } from "zod";
import { readTransferEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { transferPayload } from "./export-tenant";

const run: JobHandler<z.output<typeof transferPayload>> = async (payload, { db, log }) => {
  const outcome = await importTenant(db, { ...payload, plugins: readTransferEnv().plugins });
  log.info(`[worker] import-tenant ${payload.jobId}: ${outcome.status} ${outcome.detail ?? ""}`);
  return outcome;
};

export default run;
