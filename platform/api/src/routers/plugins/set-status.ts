import { type PluginStatusChange, setPluginStatus } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { ZInstallation, ZPluginRef } from "./shared.types";

/** Owners and admins: `plugins.enable` / `disable` / `uninstall`, one route per change. */
function statusRoute(change: PluginStatusChange) {
  return adminMemberProcedure
    .input(ZPluginRef)
    .output(ZInstallation)
    .mutation(({ ctx, input }) =>
      setPluginStatus(ctx.db, {
        tenantId: ctx.tenant.id,
        actor: { userId: ctx.user.id, role: ctx.role },
        pluginId: input.pluginId,
        change,
      }),
    );
}

export const enableRoute = statusRoute("enable");
export const disableRoute = statusRoute("disable");
export const uninstallRoute = statusRoute("uninstall");
