import { listClientPlans } from "@omnify/core";
import { z } from "zod";
import { adminProcedure } from "../../trpc";
import { ZClientPlan } from "./rebilling.types";

/** Agency admins: the plans the agency sells to its clients. */
export const findPlansRoute = adminProcedure
  .output(z.object({ plans: z.array(ZClientPlan) }))
  .query(async ({ ctx }) => ({ plans: await listClientPlans(ctx.tx, ctx.tenant) }));
