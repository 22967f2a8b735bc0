import { z } from "zod";
import { ZMembershipRole } from "../members/roles.types";
import { ZInvitationToken } from "./get-invitation.types";

// Name and password rules live in core, which names the failing field.
export const ZAcceptInvitationInput = z.object({
  token: ZInvitationToken,
  name: z.string().max(200).optional(),
  password: z.string().max(1024).optional(),
});
export const ZAcceptInvitationOutput = z.object({
  userId: z.uuid(),
  email: z.string(),
  role: ZMembershipRole,
  created: z.boolean(),
});
