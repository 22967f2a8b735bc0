import { z } from "zod";

export const ZMfaStatusOutput = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** This tenant (or its agency) requires MFA of everyone signing in here. */
  required: z.boolean(),
});
export const ZBeginMfaOutput = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export const ZCodeInput = z.object({ code: z.string().trim().min(1, "Enter the code").max(64) });
export const ZRecoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });
export const ZRequireMfaInput = z.object({ requireMfa: z.boolean() });
