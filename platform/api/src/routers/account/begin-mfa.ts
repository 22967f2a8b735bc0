import { beginMfaEnrolment } from "@omnify/core";
import { enrolmentStepUpProcedure } from "../../trpc";
import { ZBeginMfaOutput } from "./mfa.types";

/**
 * Starts TOTP enrolment (secret, otpauth URI, QR code as SVG). Step-up, so a borrowed
 * session cannot bind the account to the borrower's phone; a password sign-in counts.
 */
export const beginMfaRoute = enrolmentStepUpProcedure
  .output(ZBeginMfaOutput)
  .mutation(({ ctx }) =>
    beginMfaEnrolment(
      ctx.tx,
      { userId: ctx.user.id, email: ctx.user.email, issuer: ctx.tenant.agency.name },
      ctx.config.omnifySecret,
    ),
  );
