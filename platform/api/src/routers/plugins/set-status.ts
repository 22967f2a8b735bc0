import { type PluginStatusChange, setPluginStatus } from "@omnify/core";
import { pluginStatusAction } from "@omnify/core/plugins/set-plugin-status";
import { authorizedMemberProcedure } from "../../trpc";
import { ZInstallation, ZPluginRef } from "./shared.types";

/**
 * `plugins.enable` / `disable` (`plugins.configure`) and `uninstall` (`plugins.install`),
 * one route per change.
 */
function statusRoute(change: PluginStatusChange) {
  return authorizedMemberProcedure(pluginStatusAction(change))
    .input(ZPluginRef)
    .output(ZInstallation)
    .mutation(({ ctx, input }) =>
      setPluginStatus(ctx.db, {
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
        pluginId: input.pluginId,
        change,
      }),
    );
}

export const enableRoute = statusRoute("enable");
export const disableRoute = statusRoute("disable");
export const uninstallRoute = statusRoute("uninstall");
