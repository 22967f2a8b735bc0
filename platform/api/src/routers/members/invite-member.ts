import { inviteMember } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { ZInviteMemberInput, ZInviteMemberOutput } from "./invite-member.types";

/**
 * Owners and admins: invites someone by e-mail. Not on tenantProcedure because inviteMember
 * runs its own transaction (and sends the mail inside it); holding a second connection for
 * the request would only add pool pressure.
 */
export const inviteMemberRoute = adminMemberProcedure
  .input(ZInviteMemberInput)
  .output(ZInviteMemberOutput)
  .mutation(({ ctx, input }) =>
    inviteMember(ctx.db, {
      tenant: ctx.tenant,
      actor: { userId: ctx.user.id, role: ctx.role },
      email: input.email,
      role: input.role,
      mailer: ctx.mailer,
      config: ctx.config,
    }),
  );
