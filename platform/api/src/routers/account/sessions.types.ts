import { z } from "zod";

export const ZFindSessionsOutput = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      createdAt: z.date(),
      lastSeenAt: z.date(),
      current: z.boolean(),
    }),
  ),
});
export const ZRevokeSessionInput = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, "Unknown session"),
});
export const ZRevokeSessionOutput = z.object({ current: z.boolean() });
