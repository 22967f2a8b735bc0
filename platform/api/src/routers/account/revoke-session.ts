import { revokeOwnSession } from "@omnify/core";
import { enrolmentProcedure } from "../../trpc";
import { ZRevokeSessionInput, ZRevokeSessionOutput } from "./sessions.types";

/** Signs one of the user's sessions out; `current: true` means the caller just signed out. */
export const revokeSessionRoute = enrolmentProcedure
  .input(ZRevokeSessionInput)
  .output(ZRevokeSessionOutput)
  .mutation(({ ctx, input }) =>
    revokeOwnSession(ctx.tx, {
      userId: ctx.user.id,
      sessionId: input.id,
      currentSessionId: ctx.session.sessionId,
    }),
  );
