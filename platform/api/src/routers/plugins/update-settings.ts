import { updatePluginSettings } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { ZUpdateSettingsInput, ZUpdateSettingsOutput } from "./settings.types";

/** Owners and admins: validated against the installed version's schema; errors name fields. */
export const updateSettingsRoute = adminMemberProcedure
  .input(ZUpdateSettingsInput)
  .output(ZUpdateSettingsOutput)
  .mutation(({ ctx, input }) =>
    updatePluginSettings(ctx.db, {
      tenantId: ctx.tenant.id,
      actor: { userId: ctx.user.id, role: ctx.role },
      pluginId: input.pluginId,
      settings: input.settings,
    }),
  );
