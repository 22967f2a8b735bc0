import { z } from "zod";

export const ZReauthenticateInput = z
  .object({
    password: z.string().max(1024).optional(),
    code: z.string().trim().max(64).optional(),
  })
  .refine((v) => Boolean(v.password || v.code), {
    message: "Enter your password or an authenticator code",
    path: ["password"],
  });
export const ZReauthenticateOutput = z.object({ reauthenticatedAt: z.date() });
