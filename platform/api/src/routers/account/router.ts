import { createTRPCRouter } from "../../trpc";
import { beginMfaRoute } from "./begin-mfa";
import { confirmMfaRoute } from "./confirm-mfa";
import { disableMfaRoute } from "./disable-mfa";
import { findSessionsRoute } from "./find-sessions";
import { mfaStatusRoute } from "./mfa-status";
import { reauthenticateRoute } from "./reauthenticate";
import { regenerateRecoveryCodesRoute } from "./regenerate-recovery-codes";
import { requestPasswordResetRoute } from "./request-password-reset";
import { resetPasswordRoute } from "./reset-password";
import { revokeSessionRoute } from "./revoke-session";
import { setRequireMfaRoute } from "./set-require-mfa";

export const accountRouter = createTRPCRouter({
  mfaStatus: mfaStatusRoute,
  beginMfa: beginMfaRoute,
  confirmMfa: confirmMfaRoute,
  disableMfa: disableMfaRoute,
  regenerateRecoveryCodes: regenerateRecoveryCodesRoute,
  setRequireMfa: setRequireMfaRoute,
  reauthenticate: reauthenticateRoute,
  findSessions: findSessionsRoute,
  revokeSession: revokeSessionRoute,
  requestPasswordReset: requestPasswordResetRoute,
  resetPassword: resetPasswordRoute,
});
