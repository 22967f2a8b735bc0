import { createTRPCRouter } from "../../trpc";
import { claimDeviceRoute } from "./claim-device";
import { findDevicesRoute } from "./find-devices";
import { revokeDeviceRoute } from "./revoke-device";

export const devicesRouter = createTRPCRouter({
  find: findDevicesRoute,
  claim: claimDeviceRoute,
  revoke: revokeDeviceRoute,
});
