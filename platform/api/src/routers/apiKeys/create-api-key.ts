import { createApiKey } from "@omnify/core";
import { adminProcedure, requireRecentAuth } from "../../trpc";
import { ZCreateApiKeyInput, ZCreateApiKeyOutput } from "./api-keys.types";

/** Owners and admins, after a recent password/TOTP confirmation (step-up): a new key, whose full value is in this response and nowhere else. */
export const createApiKeyRoute = adminProcedure
  .use(requireRecentAuth)
  .input(ZCreateApiKeyInput)
  .output(ZCreateApiKeyOutput)
  .mutation(({ ctx, input }) =>
    createApiKey(ctx.tx, {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      ...input,
      request: { ip: ctx.ip },
    }),
  );
