import { listDevices } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZFindDevicesOutput } from "./devices.types";

/** Owners and admins: the workspace's screens with their last contact. */
export const findDevicesRoute = adminProcedure
  .output(ZFindDevicesOutput)
  .query(({ ctx }) => listDevices(ctx.tx));
