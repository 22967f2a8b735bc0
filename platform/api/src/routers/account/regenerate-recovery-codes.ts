import { DomainError, getMfaStatus, replaceRecoveryCodes } from "@omnify/core";
import { stepUpProcedure } from "../../trpc";
import { ZRecoveryCodesOutput } from "./mfa.types";

/** Replaces every recovery code with ten new ones (step-up); the old ones stop working. */
export const regenerateRecoveryCodesRoute = stepUpProcedure
  .output(ZRecoveryCodesOutput)
  .mutation(async ({ ctx }) => {
    if (!(await getMfaStatus(ctx.tx, ctx.user.id)).enabled) {
      throw new DomainError("CONFLICT", "Turn on two-factor authentication first");
    }
    return { recoveryCodes: await replaceRecoveryCodes(ctx.tx, ctx.user.id) };
  });
