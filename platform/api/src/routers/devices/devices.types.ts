import { z } from "zod";

export const ZFindDevicesOutput = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    paired: z.boolean(),
    createdAt: z.date(),
    lastSeenAt: z.date().nullable(),
    lastIp: z.string().nullable(),
    appVersion: z.string().nullable(),
    revokedAt: z.date().nullable(),
  }),
);
// Plain strings: core normalises the code and names the field in its errors.
export const ZClaimDeviceInput = z.object({ code: z.string().max(32), name: z.string().max(200) });
export const ZClaimDeviceOutput = z.object({ deviceId: z.uuid(), name: z.string() });
export const ZRevokeDeviceInput = z.object({ id: z.uuid() });
export const ZRevokeDeviceOutput = z.object({ name: z.string() });
