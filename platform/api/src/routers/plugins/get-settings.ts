import { getPluginSettings } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZGetSettingsOutput } from "./settings.types";
import { ZPluginRef } from "./shared.types";

/** `plugins.configure`: settings, their form, and which secrets are set (not their values). */
export const getSettingsRoute = authorizedProcedure("plugins.configure")
  .input(ZPluginRef)
  .output(ZGetSettingsOutput)
  .query(({ ctx, input }) => getPluginSettings(ctx.tx, ctx.tenant.id, input.pluginId));
