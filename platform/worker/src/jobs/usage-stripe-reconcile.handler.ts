import { reconcileStripeUsage } from "@omnify/core/billing/usage/reconcile";
import type { z } from "zod";
import { readUsageJobEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { usageStripePayload } from "./usage-stripe";

const HOUR = 3_600_000;

const usageStripeReconcile: JobHandler<z.output<typeof usageStripePayload>> = async (
  _p,
  { db, log },
) => {
  const { stripe } = readUsageJobEnv();
  if (!stripe) return { discrepancies: 0 };
  const now = Date.now();
  // Closed hours of the last two days, leaving the newest hour for Stripe to finish counting.
  const found = await reconcileStripeUsage(db, stripe, {
    from: new Date(now - 48 * HOUR),
    to: new Date(now - HOUR),
  });
  for (const d of found)
    log.warn(
      `[worker] usage-stripe-reconcile: tenant ${d.tenantId} ${d.eventName} ${d.bucketStart.toISOString()}: ours ${d.ours}, Stripe ${d.stripe}`,
    );
  return { discrepancies: found.length };
};

export default usageStripeReconcile;
