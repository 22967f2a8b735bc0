import { listClientInvoices } from "@omnify/core";
import { z } from "zod";
import { authorizedProcedure } from "../../trpc";
import { ZInvoice } from "./rebilling.types";

/**
 * Client invoices: on an agency, its clients' (optionally one client's); on a sub-account,
 * its own. RLS decides which rows exist for the caller.
 */
export const findInvoicesRoute = authorizedProcedure("billing.read")
  .input(z.object({ subaccountId: z.uuid().optional() }).optional())
  .output(z.object({ invoices: z.array(ZInvoice) }))
  .query(async ({ ctx, input }) => ({
    invoices: await listClientInvoices(ctx.tx, input?.subaccountId),
  }));
