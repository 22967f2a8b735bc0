import { deleteClientPlan } from "@omnify/core";
import { z } from "zod";
import { adminProcedure } from "../../trpc";

/** Agency admins: delete a plan no client is on. */
export const deletePlanRoute = adminProcedure
  .input(z.object({ planId: z.string().max(64) }))
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteClientPlan(ctx.tx, ctx.tenant, input.planId);
    return { ok: true as const };
  });
