import { createClientPlan } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZClientPlan, ZClientPlanInput } from "./rebilling.types";

/** Agency admins: a new client plan (base fee, markup, priced meters). */
export const createPlanRoute = adminProcedure
  .input(ZClientPlanInput)
  .output(ZClientPlan)
  .mutation(({ ctx, input }) => createClientPlan(ctx.tx, ctx.tenant, input));
