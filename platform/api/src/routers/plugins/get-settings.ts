import { getPluginSettings } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZGetSettingsOutput } from "./settings.types";
import { ZPluginRef } from "./shared.types";

/** Owners and admins: settings, their form, and which secrets are set (not their values). */
export const getSettingsRoute = adminProcedure
  .input(ZPluginRef)
  .output(ZGetSettingsOutput)
  .query(({ ctx, input }) => getPluginSettings(ctx.tx, ctx.tenant.id, input.pluginId));
