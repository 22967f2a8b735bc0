import { installPlugin } from "@omnify/core";
import { HOST_API_VERSION } from "@omnify/plugin-host/version";
import { authorizedMemberProcedure } from "../../trpc";
import { ZInstallInput, ZInstallOutput } from "./install.types";

/**
 * Owners and admins: installs a catalog version with the capabilities the consent screen
 * showed. Core opens its own transaction (and sends `plugin.installed` inside it).
 */
export const installRoute = authorizedMemberProcedure("plugins.install")
  .input(ZInstallInput)
  .output(ZInstallOutput)
  .mutation(({ ctx, input }) =>
    installPlugin(ctx.db, {
      ...input,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      hostApiVersion: HOST_API_VERSION,
    }),
  );
