import { assertSubaccount } from "@omnify/core";
import { z } from "zod";
import { adminProcedure, requireRecentAuth } from "../../trpc";

/**
 * Step-up: the gate the app's upload route (/settings/export/import) calls before it stores
 * an archive, so an import has the same access rules as every procedure. Returns who asks.
 */
export const authorizeImportRoute = adminProcedure
  .use(requireRecentAuth)
  .output(z.object({ userId: z.uuid() }))
  .mutation(({ ctx }) => {
    assertSubaccount(ctx.tenant);
    return { userId: ctx.user.id };
  });
