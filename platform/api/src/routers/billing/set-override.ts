import { assertAgency, setFeatureOverride } from "@omnify/core";
import { TRPCError } from "@trpc/server";
import { tenantProcedure } from "../../trpc";
import { ZOverrideInput } from "./billing.types";

/** Platform staff only: override one limit or flag for this agency (null = back to the plan). */
export const setOverrideRoute = tenantProcedure
  .input(ZOverrideInput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.user.isPlatformAdmin)
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "Only platform administrators may override plan limits",
      });
    assertAgency(ctx.tenant);
    await setFeatureOverride(ctx.tx, ctx.tenant.id, input.key, input.value);
    return { ok: true as const };
  });
