import { membershipRoles } from "@omnify/db";
import { z } from "zod";

export const ZMembershipRole = z.enum(membershipRoles);
