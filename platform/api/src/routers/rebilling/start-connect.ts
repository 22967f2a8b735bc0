import { startConnectOnboarding } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { ZUrlOutput } from "../billing/billing.types";
import { billingStripe } from "../billing/billing-deps";

/** Agency admins: a Stripe Connect onboarding URL that returns to the rebilling page. */
export const startConnectRoute = adminMemberProcedure
  .output(ZUrlOutput)
  .mutation(({ ctx }) =>
    startConnectOnboarding(
      ctx.db,
      billingStripe(ctx),
      ctx.tenant,
      `${ctx.tenant.origin}/settings/rebilling?connect=return`,
    ),
  );
