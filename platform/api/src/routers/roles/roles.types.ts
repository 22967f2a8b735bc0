import { membershipRoles } from "@omnify/db";
import { z } from "zod";

const ZGrant = z.string().max(80);
export const ZCustomRole = z.object({
  id: z.uuid(),
  name: z.string(),
  permissions: z.array(z.string()),
  updatedAt: z.date(),
});

export const ZFindRolesOutput = z.object({
  roles: z.array(ZCustomRole),
  modules: z.object({ core: z.array(z.string()), plugins: z.array(z.string()) }),
  members: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      email: z.string(),
      role: z.enum(membershipRoles),
      customRoleId: z.uuid().nullable(),
      restricted: z.boolean(),
      subaccountIds: z.array(z.uuid()),
    }),
  ),
});

// Names and grants stay plain strings here: core validates them and names the field.
export const ZCreateRoleInput = z.object({
  name: z.string().max(200),
  permissions: z.array(ZGrant).max(200),
});
export const ZUpdateRoleInput = z.object({
  id: z.uuid(),
  data: z.object({
    name: z.string().max(200).optional(),
    permissions: z.array(ZGrant).max(200).optional(),
  }),
});
export const ZDeleteRoleInput = z.object({ id: z.uuid() });
export const ZAssignRoleInput = z.object({ userId: z.uuid(), customRoleId: z.uuid().nullable() });
export const ZSetAccessInput = z.object({
  userId: z.uuid(),
  restricted: z.boolean(),
  subaccountIds: z.array(z.uuid()).max(1000),
});
export const ZSetAccessOutput = z.object({
  restricted: z.boolean(),
  subaccountIds: z.array(z.uuid()),
});
