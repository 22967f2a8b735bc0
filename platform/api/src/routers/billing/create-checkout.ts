import { createCheckoutSession } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZCheckoutInput, ZUrlOutput } from "./billing.types";
import { billingReturnUrl, billingStripe } from "./billing-deps";

/** Owners: a Stripe Checkout URL for `plan`; the plan changes when Stripe's webhook arrives. */
export const createCheckoutRoute = authorizedMemberProcedure("billing.manage")
  .input(ZCheckoutInput)
  .output(ZUrlOutput)
  .mutation(({ ctx, input }) => {
    const stripe = billingStripe(ctx);
    const back = billingReturnUrl(ctx.tenant.origin);
    return createCheckoutSession(ctx.db, stripe, {
      tenantId: ctx.tenant.id,
      tenantName: ctx.tenant.name,
      plan: input.plan,
      successUrl: `${back}?checkout=success`,
      cancelUrl: back,
    });
  });
