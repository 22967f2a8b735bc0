import { createStripeClient } from "@omnify/core/billing/stripe-client";
import { invoiceAllClients } from "@omnify/core/rebilling/invoicing";
import type { z } from "zod";
import { readUsageJobEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { rebillingInvoicesPayload } from "./rebilling-invoices";

const rebillingInvoices: JobHandler<z.output<typeof rebillingInvoicesPayload>> = async (
  payload,
  { db, log },
) => {
  const { stripe } = readUsageJobEnv();
  if (!stripe) {
    log.info("[worker] rebilling-invoices: STRIPE_SECRET_KEY unset, no client invoices");
    return { invoiced: 0, failed: 0 };
  }
  const result = await invoiceAllClients(
    db,
    createStripeClient(stripe),
    payload.at ? new Date(payload.at) : new Date(),
  );
  log.info(
    `[worker] rebilling-invoices ${result.period}: ${result.invoiced} sent, ${result.failed} waiting (see each draft's reason)`,
  );
  return result;
};

export default rebillingInvoices;
