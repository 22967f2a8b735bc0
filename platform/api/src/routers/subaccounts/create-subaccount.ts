import { createSubaccount } from "@omnify/core";
import { z } from "zod";
import { authorizedProcedure } from "../../trpc";

/** Agency admins: a new client workspace; the agency's plan caps how many (`subaccounts`). */
export const createSubaccountRoute = authorizedProcedure("subaccounts.create")
  .input(z.object({ name: z.string().max(200), slug: z.string().max(100) }))
  .output(z.object({ id: z.uuid(), slug: z.string(), name: z.string() }))
  .mutation(({ ctx, input }) =>
    createSubaccount(ctx.tx, ctx.tenant, { userId: ctx.actor.userId }, input),
  );
