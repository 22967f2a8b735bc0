import { rollUpAllTenants } from "@omnify/core/billing/usage/roll-up-all";
import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { usageRollupPayload } from "./usage-rollup";

const usageRollup: JobHandler<z.output<typeof usageRollupPayload>> = async (
  { period },
  { db, log },
) => {
  const result = await rollUpAllTenants(db, period);
  log.info(
    `[worker] usage-rollup ${period}: ${result.buckets} bucket(s) in ${result.tenants} tenant(s), ${result.changed} changed`,
  );
  return result;
};

export default usageRollup;
