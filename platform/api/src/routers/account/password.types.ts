import { z } from "zod";

export const ZRequestPasswordResetInput = z.object({ email: z.string().trim().max(320) });
export const ZResetPasswordInput = z.object({
  token: z.string().max(64),
  password: z.string().max(1024),
});
export const ZOkOutput = z.object({ ok: z.literal(true) });
