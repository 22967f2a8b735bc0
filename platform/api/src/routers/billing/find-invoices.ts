import { listInvoices } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZInvoicesOutput } from "./billing.types";
import { billingStripe } from "./billing-deps";

/** Owners: the latest invoices from Stripe, proration lines included. */
export const findInvoicesRoute = authorizedMemberProcedure("billing.manage")
  .output(ZInvoicesOutput)
  .query(async ({ ctx }) => ({
    invoices: await listInvoices(ctx.db, billingStripe(ctx), ctx.tenant.id),
  }));
