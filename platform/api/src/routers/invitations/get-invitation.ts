import { DomainError, getInvitation } from "@omnify/core";
import { tenantPublicProcedure } from "../../trpc";
import { ZGetInvitationInput, ZGetInvitationOutput } from "./get-invitation.types";

/** Public: the invitation behind a link, for the accept page. */
export const getInvitationRoute = tenantPublicProcedure
  .input(ZGetInvitationInput)
  .output(ZGetInvitationOutput)
  .query(async ({ ctx, input }) => {
    const details = await getInvitation(ctx.db, ctx.tenant, input.token);
    if (!details) throw new DomainError("NOT_FOUND", "This invitation link is not valid", "token");
    return details;
  });
