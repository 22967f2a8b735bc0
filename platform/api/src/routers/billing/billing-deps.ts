import { assertAgency, type Stripe } from "@omnify/core";
import { TRPCError } from "@trpc/server";
import type { Context } from "../../context";

/**
 * The Stripe client for billing procedures. Billing belongs to the agency (sub-accounts run
 * on its plan), and without a configured client the procedures say so plainly.
 */
export function billingStripe(ctx: Pick<Context, "billing" | "tenant">): Stripe {
  if (ctx.tenant) assertAgency(ctx.tenant);
  if (!ctx.billing)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Billing is not configured" });
  return ctx.billing.stripe;
}

export const billingReturnUrl = (origin: string) => `${origin}/settings/billing`;
