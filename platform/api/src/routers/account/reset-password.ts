import { resetPassword } from "@omnify/core";
import { tenantPublicProcedure } from "../../trpc";
import { ZOkOutput, ZResetPasswordInput } from "./password.types";

/** Public: sets a new password from a reset link and signs the user out everywhere. */
export const resetPasswordRoute = tenantPublicProcedure
  .input(ZResetPasswordInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, {
      tenant: ctx.tenant,
      token: input.token,
      password: input.password,
    });
    return { ok: true as const };
  });
