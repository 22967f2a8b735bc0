import { invoiceClient, previousMonth } from "@omnify/core";
import { z } from "zod";
import { adminMemberProcedure } from "../../trpc";
import { billingStripe } from "../billing/billing-deps";
import { ZSubaccountInput } from "./rebilling.types";

/**
 * Agency admins: invoice one client for last month now, instead of waiting for the monthly
 * job (same function, so running both is harmless).
 */
export const invoiceNowRoute = adminMemberProcedure
  .input(ZSubaccountInput)
  .output(z.object({ invoiceId: z.uuid(), status: z.string(), stripeError: z.string().nullable() }))
  .mutation(({ ctx, input }) =>
    invoiceClient(
      ctx.db,
      billingStripe(ctx),
      ctx.tenant.id,
      input.subaccountId,
      previousMonth(new Date()),
    ),
  );
