import { DomainError, disableMfa, isMfaRequired } from "@omnify/core";
import { stepUpProcedure } from "../../trpc";
import { ZOkOutput } from "./password.types";

/** Turns MFA off (step-up); refused where the tenant requires it. */
export const disableMfaRoute = stepUpProcedure.output(ZOkOutput).mutation(async ({ ctx }) => {
  if (await isMfaRequired(ctx.tx, ctx.tenant)) {
    throw new DomainError("FORBIDDEN", `${ctx.tenant.name} requires two-factor authentication`);
  }
  await disableMfa(ctx.tx, ctx.user.id);
  return { ok: true as const };
});
