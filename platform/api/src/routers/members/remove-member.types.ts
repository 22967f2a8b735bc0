import { z } from "zod";
import { ZMembershipRole } from "./roles.types";

export const ZRemoveMemberInput = z.object({ userId: z.uuid() });
export const ZRemoveMemberOutput = z.object({ sessionsRevoked: z.number().int().nonnegative() });
export const ZChangeMemberRoleInput = z.object({ userId: z.uuid(), role: ZMembershipRole });
