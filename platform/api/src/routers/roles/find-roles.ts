import { listCustomRoles, listMemberAccess, matrixModules } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZFindRolesOutput } from "./roles.types";
import { rolesContext } from "./roles-context";

/** Members allowed `members.read`: the agency's roles, the matrix modules, member access. */
export const findRolesRoute = authorizedProcedure("members.read")
  .output(ZFindRolesOutput)
  .query(async ({ ctx }) => {
    const rc = rolesContext(ctx);
    return {
      roles: await listCustomRoles(rc),
      modules: await matrixModules(rc),
      members: await listMemberAccess(rc),
    };
  });
