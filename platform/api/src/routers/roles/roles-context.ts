import type { RolesContext } from "@omnify/core";
import type { Context } from "../../context";

/** The core roles context from a tenantProcedure's context (transaction, actor, request). */
export const rolesContext = (
  ctx: Pick<Context, "ip" | "userAgent"> & Omit<RolesContext, "request">,
): RolesContext => ({
  tx: ctx.tx,
  tenant: ctx.tenant,
  actor: ctx.actor,
  request: { ip: ctx.ip, userAgent: ctx.userAgent ?? null },
});
