import { signRealtimeToken } from "@omnify/core";
import { memberProcedure } from "../../trpc";
import { ZRealtimeTokenOutput } from "./get-token.types";

/** Members: a short-lived token that lets the browser join this tenant's realtime room. */
export const realtimeTokenRoute = memberProcedure.output(ZRealtimeTokenOutput).query(({ ctx }) => ({
  token: signRealtimeToken(
    { tenantId: ctx.tenant.id, userId: ctx.user.id },
    ctx.config.realtimeSecret,
  ),
  url: ctx.config.realtimeUrl,
}));
