import { setClientBilling } from "@omnify/core";
import { z } from "zod";
import { adminProcedure } from "../../trpc";

/** Agency admins: put a client on a plan (or none) with a monthly spend cap (or none). */
export const setClientBillingRoute = adminProcedure
  .input(
    z.object({
      subaccountId: z.string().max(64),
      planId: z.string().max(64).nullable(),
      spendCapCents: z.number().nullable(),
    }),
  )
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await setClientBilling(ctx.tx, ctx.tenant, input);
    return { ok: true as const };
  });
