import { updateClientPlan } from "@omnify/core";
import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { ZClientPlan, ZClientPlanInput } from "./rebilling.types";

/** Agency admins: change a client plan; its clients' next invoices use the new prices. */
export const updatePlanRoute = adminProcedure
  .input(ZClientPlanInput.extend({ planId: z.string().max(64) }))
  .output(ZClientPlan)
  .mutation(({ ctx, input: { planId, ...plan } }) =>
    updateClientPlan(ctx.tx, ctx.tenant, planId, plan),
  );
