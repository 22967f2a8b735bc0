import { z } from "zod";
import { ZMembershipRole } from "./roles.types";

// The e-mail stays a plain string here: core validates it and names the field, so the
// rule lives in one place.
export const ZInviteMemberInput = z.object({
  email: z.string().max(320),
  role: ZMembershipRole,
});
export const ZInviteMemberOutput = z.object({ invitationId: z.uuid(), expiresAt: z.date() });
export type InviteMemberInput = z.infer<typeof ZInviteMemberInput>;
