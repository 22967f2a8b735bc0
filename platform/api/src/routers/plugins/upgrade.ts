import { upgradePlugin } from "@omnify/core";
import { HOST_API_VERSION } from "@omnify/plugin-host/version";
import { adminMemberProcedure } from "../../trpc";
import { ZUpgradeInput, ZUpgradeOutput } from "./install.types";

/** Owners and admins: moves to a newer version; refused unless consent covers what it adds. */
export const upgradeRoute = adminMemberProcedure
  .input(ZUpgradeInput)
  .output(ZUpgradeOutput)
  .mutation(({ ctx, input }) =>
    upgradePlugin(ctx.db, {
      ...input,
      tenantId: ctx.tenant.id,
      actor: { userId: ctx.user.id, role: ctx.role },
      hostApiVersion: HOST_API_VERSION,
    }),
  );
