import { requestPasswordReset } from "@omnify/core";
import { tenantPublicProcedure } from "../../trpc";
import { ZOkOutput, ZRequestPasswordResetInput } from "./password.types";

/**
 * Public: mails a reset link if the address has access here. The answer is the same either
 * way, so it cannot be used to find out who has an account.
 */
export const requestPasswordResetRoute = tenantPublicProcedure
  .input(ZRequestPasswordResetInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, {
      tenant: ctx.tenant,
      email: input.email,
      mailer: ctx.mailer,
      config: ctx.config,
    });
    return { ok: true as const };
  });
