import { revokeDevice } from "@omnify/core";
import { adminProcedure, requireRecentAuth } from "../../trpc";
import { ZRevokeDeviceInput, ZRevokeDeviceOutput } from "./devices.types";

/** Owners and admins: the screen's token is refused from its next request on. */
export const revokeDeviceRoute = adminProcedure
  .use(requireRecentAuth)
  .input(ZRevokeDeviceInput)
  .output(ZRevokeDeviceOutput)
  .mutation(({ ctx, input }) =>
    revokeDevice(ctx.tx, input.id, {
      actorUserId: ctx.user.id,
      request: { ip: ctx.ip },
    }),
  );
