import { upgradePlugin } from "@omnify/core";
import { HOST_API_VERSION } from "@omnify/plugin-host/version";
import { authorizedMemberProcedure } from "../../trpc";
import { ZUpgradeInput, ZUpgradeOutput } from "./install.types";

/** Owners and admins: moves to a newer version; refused unless consent covers what it adds. */
export const upgradeRoute = authorizedMemberProcedure("plugins.install")
  .input(ZUpgradeInput)
  .output(ZUpgradeOutput)
  .mutation(({ ctx, input }) =>
    upgradePlugin(ctx.db, {
      ...input,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      hostApiVersion: HOST_API_VERSION,
    }),
  );
