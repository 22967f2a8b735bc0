import { acceptInvitation, validateAuthSession } from "@omnify/core";
import { tenantPublicProcedure } from "../../trpc";
import { ZAcceptInvitationInput, ZAcceptInvitationOutput } from "./accept-invitation.types";

/**
 * Public: accepts an invitation as a new account (name + password), as the existing account
 * (its password), or as the user already signed in on this host.
 */
export const acceptInvitationRoute = tenantPublicProcedure
  .input(ZAcceptInvitationInput)
  .output(ZAcceptInvitationOutput)
  .mutation(async ({ ctx, input }) => {
    const session = await validateAuthSession(ctx.db, ctx.tenant.id, ctx.sessionToken);
    return acceptInvitation(ctx.db, {
      tenant: ctx.tenant,
      token: input.token,
      name: input.name ?? null,
      password: input.password ?? null,
      signedInUserId: session?.userId ?? null,
      request: { ip: ctx.ip, userAgent: ctx.userAgent },
    });
  });
