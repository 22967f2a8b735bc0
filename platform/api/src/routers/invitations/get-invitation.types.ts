import { z } from "zod";
import { ZMembershipRole } from "../members/roles.types";

export const ZInvitationToken = z.string().min(1).max(100);

export const ZGetInvitationInput = z.object({ token: ZInvitationToken });
export const ZGetInvitationOutput = z.object({
  email: z.string(),
  role: ZMembershipRole,
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
  expiresAt: z.date(),
  accountExists: z.boolean(),
  tenant: z.object({
    kind: z.enum(["agency", "subaccount"]),
    name: z.string(),
    themeId: z.string(),
    brand: z.record(z.string(), z.unknown()),
    agencyName: z.string(),
  }),
});
export type GetInvitationOutput = z.infer<typeof ZGetInvitationOutput>;
