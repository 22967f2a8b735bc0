import { updatePluginSettings } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZUpdateSettingsInput, ZUpdateSettingsOutput } from "./settings.types";

/** `plugins.configure` (owners, admins, roles granting plugins:write): validated against the installed version's schema; errors name fields. */
export const updateSettingsRoute = authorizedMemberProcedure("plugins.configure")
  .input(ZUpdateSettingsInput)
  .output(ZUpdateSettingsOutput)
  .mutation(({ ctx, input }) =>
    updatePluginSettings(ctx.db, {
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      pluginId: input.pluginId,
      settings: input.settings,
    }),
  );
