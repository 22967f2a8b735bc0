import { inviteMember } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZInviteMemberInput, ZInviteMemberOutput } from "./invite-member.types";

/**
 * Members allowed `members.invite` (below admin: member-level roles only): invites by
 * e-mail. Not on tenantProcedure because inviteMember
 * runs its own transaction (and sends the mail inside it); holding a second connection for
 * the request would only add pool pressure.
 */
export const inviteMemberRoute = authorizedMemberProcedure("members.invite")
  .input(ZInviteMemberInput)
  .output(ZInviteMemberOutput)
  .mutation(({ ctx, input }) =>
    inviteMember(ctx.db, {
      tenant: ctx.tenant,
      actor: ctx.actor,
      email: input.email,
      role: input.role,
      mailer: ctx.mailer,
      config: ctx.config,
      request: { ip: ctx.ip, userAgent: ctx.userAgent },
    }),
  );
