import { listOwnSessions } from "@omnify/core";
import { enrolmentProcedure } from "../../trpc";
import { ZFindSessionsOutput } from "./sessions.types";

/** The user's signed-in browsers on this tenant's host. */
export const findSessionsRoute = enrolmentProcedure
  .output(ZFindSessionsOutput)
  .query(async ({ ctx }) => ({
    sessions: await listOwnSessions(ctx.tx, {
      userId: ctx.user.id,
      currentSessionId: ctx.session.sessionId,
    }),
  }));
