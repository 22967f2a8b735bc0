import { revokeApiKey } from "@omnify/core";
import { adminProcedure, requireRecentAuth } from "../../trpc";
import { ZRevokeApiKeyInput, ZRevokeApiKeyOutput } from "./api-keys.types";

/** Owners and admins: the key is refused from the next request on. */
export const revokeApiKeyRoute = adminProcedure
  .use(requireRecentAuth)
  .input(ZRevokeApiKeyInput)
  .output(ZRevokeApiKeyOutput)
  .mutation(({ ctx, input }) =>
    revokeApiKey(ctx.tx, input.id, {
      actorUserId: ctx.user.id,
      request: { ip: ctx.ip },
    }),
  );
