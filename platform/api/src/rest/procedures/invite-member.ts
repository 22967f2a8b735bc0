import { DomainError, inviteMember } from "@omnify/core";
import { apiKeys, eq } from "@omnify/db";
import { ZInviteMemberInput, ZInviteMemberOutput } from "../../routers/members/invite-member.types";
import { apiKeyProcedure } from "../init";

/**
 * POST /members/invitations. A key acts as an admin of its tenant on behalf of the person
 * who created it (recorded as the inviter); a key whose creator is gone cannot invite.
 */
export const inviteMemberRest = apiKeyProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/members/invitations",
      scope: "members:write",
      summary: "Invite someone by e-mail",
      tags: ["members"],
    },
  })
  .input(ZInviteMemberInput)
  .output(ZInviteMemberOutput)
  .mutation(async ({ ctx, input }) => {
    const { principal, tenant } = ctx;
    const [key] = await ctx.db.withTenant(principal.tenantId, (tx) =>
      tx
        .select({ createdBy: apiKeys.createdBy })
        .from(apiKeys)
        .where(eq(apiKeys.id, principal.keyId)),
    );
    if (!key?.createdBy) {
      throw new DomainError("FORBIDDEN", "This key's creator no longer exists; create a new key");
    }
    return inviteMember(ctx.db, {
      tenant,
      actor: {
        userId: key.createdBy,
        role: tenant.kind === "agency" ? "agency_admin" : "subaccount_admin",
      },
      email: input.email,
      role: input.role,
      mailer: ctx.mailer,
      config: ctx.config,
    });
  });
