import { reportUsageToStripe } from "@omnify/core/billing/usage/stripe-report";
import type { z } from "zod";
import { readUsageJobEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { usageStripePayload } from "./usage-stripe";

const usageStripeReport: JobHandler<z.output<typeof usageStripePayload>> = async (
  _p,
  { db, log },
) => {
  const { stripe } = readUsageJobEnv();
  if (!stripe) {
    log.info("[worker] usage-stripe-report: STRIPE_SECRET_KEY unset, nothing reported");
    return { events: 0 };
  }
  const result = await reportUsageToStripe(db, stripe);
  log.info(
    `[worker] usage-stripe-report: ${result.events} meter event(s) for ${result.tenants} tenant(s)`,
  );
  return result;
};

export default usageStripeReport;
