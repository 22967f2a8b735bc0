import { z } from "zod";
import { ZMembershipRole } from "./roles.types";

export const ZFindMembersOutput = z.object({
  members: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      email: z.string(),
      role: ZMembershipRole,
      joinedAt: z.date(),
    }),
  ),
  invitations: z.array(
    z.object({
      id: z.uuid(),
      email: z.string(),
      role: ZMembershipRole,
      expiresAt: z.date(),
      createdAt: z.date(),
    }),
  ),
});
export type FindMembersOutput = z.infer<typeof ZFindMembersOutput>;
