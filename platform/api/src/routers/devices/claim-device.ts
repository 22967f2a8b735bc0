import { claimDevice } from "@omnify/core";
import { adminProcedure, requireRecentAuth } from "../../trpc";
import { ZClaimDeviceInput, ZClaimDeviceOutput } from "./devices.types";

/** Owners and admins: pairs the screen showing `code` with this workspace. */
export const claimDeviceRoute = adminProcedure
  .use(requireRecentAuth)
  .input(ZClaimDeviceInput)
  .output(ZClaimDeviceOutput)
  .mutation(({ ctx, input }) =>
    claimDevice(ctx.tx, {
      tenantId: ctx.tenant.id,
      code: input.code,
      name: input.name,
      actorUserId: ctx.user.id,
      request: { ip: ctx.ip },
    }),
  );
