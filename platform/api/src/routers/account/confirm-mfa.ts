import { confirmMfaEnrolment } from "@omnify/core";
import { enrolmentProcedure } from "../../trpc";
import { ZCodeInput, ZRecoveryCodesOutput } from "./mfa.types";

/** Turns MFA on with a first valid code; the recovery codes are returned this once only. */
export const confirmMfaRoute = enrolmentProcedure
  .input(ZCodeInput)
  .output(ZRecoveryCodesOutput)
  .mutation(({ ctx, input }) =>
    confirmMfaEnrolment(ctx.tx, { userId: ctx.user.id, code: input.code }, ctx.config.omnifySecret),
  );
