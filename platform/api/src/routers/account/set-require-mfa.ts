import { DomainError, getMfaStatus, setRequireMfa } from "@omnify/core";
import { adminProcedure, requireRecentAuth } from "../../trpc";
import { ZRequireMfaInput } from "./mfa.types";
import { ZOkOutput } from "./password.types";

/**
 * An agency's owners and admins require MFA of everyone signing in to the agency and its
 * sub-accounts (step-up). They must have it on themselves first, so they cannot lock
 * themselves out of the setting.
 */
export const setRequireMfaRoute = adminProcedure
  .use(requireRecentAuth)
  .input(ZRequireMfaInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    if (ctx.tenant.kind !== "agency") {
      throw new DomainError("FORBIDDEN", "Set this on the agency's portal", "requireMfa");
    }
    if (input.requireMfa && !(await getMfaStatus(ctx.tx, ctx.user.id)).enabled) {
      throw new DomainError(
        "CONFLICT",
        "Turn on two-factor authentication for yourself first",
        "requireMfa",
      );
    }
    await setRequireMfa(ctx.tx, ctx.tenant.id, input.requireMfa);
    return { ok: true as const };
  });
