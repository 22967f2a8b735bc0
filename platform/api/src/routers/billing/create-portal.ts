import { createPortalSession } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZUrlOutput } from "./billing.types";
import { billingReturnUrl, billingStripe } from "./billing-deps";

/** Owners: a Stripe Customer Portal URL (cards, cancel, past invoices). */
export const createPortalRoute = authorizedMemberProcedure("billing.manage")
  .output(ZUrlOutput)
  .mutation(({ ctx }) =>
    createPortalSession(ctx.db, billingStripe(ctx), {
      tenantId: ctx.tenant.id,
      returnUrl: billingReturnUrl(ctx.tenant.origin),
    }),
  );
