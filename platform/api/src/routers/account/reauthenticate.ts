import { reauthenticate } from "@omnify/core";
import { enrolmentProcedure } from "../../trpc";
import { ZReauthenticateInput, ZReauthenticateOutput } from "./reauthenticate.types";

/** Confirms the user's password or TOTP code, unlocking step-up procedures for a while. */
export const reauthenticateRoute = enrolmentProcedure
  .input(ZReauthenticateInput)
  .output(ZReauthenticateOutput)
  .mutation(({ ctx, input }) =>
    reauthenticate(
      ctx.db,
      ctx.tx,
      {
        userId: ctx.user.id,
        email: ctx.user.email,
        sessionId: ctx.session.sessionId,
        password: input.password ?? null,
        code: input.code ?? null,
        ip: ctx.ip,
      },
      ctx.config.omnifySecret,
    ),
  );
