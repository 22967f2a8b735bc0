export * from "./access/index";
export * from "./api-keys/index";
export * from "./audit/index";
export { type AuthenticatedUser, authenticate } from "./auth/authenticate";
export {
  effectiveRoleInTransaction,
  findEffectiveRole,
  type OwnRole,
  ownRoleInTransaction,
} from "./auth/effective-role";
export { consumeHandoffToken, createHandoffToken, HANDOFF_TTL_MS } from "./auth/handoff";
export {
  beginMfaEnrolment,
  confirmMfaEnrolment,
  disableMfa,
  type MfaEnrolment,
  replaceRecoveryCodes,
} from "./auth/mfa/enrol";
export {
  type PasswordSignIn,
  type PasswordSignInInput,
  passwordSignIn,
} from "./auth/mfa/password-sign-in";
export {
  isMfaRequired,
  setRequireMfa,
  tenantRequiresMfa,
} from "./auth/mfa/require-mfa";
export { getMfaStatus, type MfaStatus, verifySecondFactor } from "./auth/mfa/verify";
export { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./auth/password";
export {
  PASSWORD_RESET_TTL_MS,
  requestPasswordReset,
} from "./auth/password-reset/request-password-reset";
export { resetPassword } from "./auth/password-reset/reset-password";
export { type EffectiveRole, isAdminRole, isAgencyStaffRole } from "./auth/roles";
export {
  createAuthSession,
  listAuthSessions,
  revokeAllSessionsForUser,
  revokeAuthSession,
  revokeAuthSessionById,
  SESSION_TTL_MS,
  type SessionSummary,
  type ValidatedSession,
  validateAuthSession,
  validateSessionInTransaction,
} from "./auth/sessions";
export { type StartHandoffInput, startSubaccountHandoff } from "./auth/start-handoff";
export {
  listOwnSessions,
  type OwnSession,
  revokeOtherSessions,
  revokeOwnSession,
} from "./auth/step-up/own-sessions";
export {
  isRecentlyAuthenticated,
  markSessionReauthenticated,
  reauthenticate,
  STEP_UP_MAX_AGE_MS,
} from "./auth/step-up/reauthenticate";
export { MAX_LOCK_SECONDS, tooManyAttemptsMessage } from "./auth/throttle/login-throttle";
export * from "./billing/index";
export * from "./branding/index";
export * from "./devices/index";
export * from "./domains/index";
export { type CoreConfig, type CoreEnv, coreEnvSchema, readCoreConfig } from "./env";
export { badInput, DomainError, type DomainErrorCode } from "./errors";
export * from "./export/index";
export {
  type MailBlock,
  type MailBrand,
  type MailContent,
  type MailInline,
  mailBrandFromTheme,
  type RenderedMail,
  renderBrandedMail,
} from "./mail/layout";
export { createLogMailer, createMailer, type Mailer, type MailMessage } from "./mail/mailer";
export {
  chooseSender,
  type SenderIdentity,
  type TenantMail,
  tenantMail,
} from "./mail/sender-identity";
export { invitationMail } from "./mail/templates/invitation";
export {
  type AcceptedInvitation,
  type AcceptInvitationInput,
  acceptInvitation,
} from "./members/accept-invitation";
export { changeMemberRole } from "./members/change-member-role";
export { expireStaleInvitations } from "./members/expire-stale-invitations";
export { getInvitation, type InvitationDetails } from "./members/get-invitation";
export {
  INVITATION_TTL_MS,
  type InviteMemberInput,
  inviteMember,
} from "./members/invite-member";
export { listMembers, type MemberSummary, type PendingInvitation } from "./members/list-members";
export { removeMember } from "./members/remove-member";
export { rolesForKind } from "./members/role-rules";
export * from "./payments/index";
export * from "./plugins/index";
export * from "./rate-limit/index";
export { publishDeviceEvent, publishTenantEvent } from "./realtime/publish";
export {
  signDeviceRealtimeToken,
  signRealtimeToken,
  verifyRealtimeToken,
} from "./realtime/token";
export * from "./rebilling/index";
export * from "./storage/index";
export { buildOrigin } from "./tenancy/build-origin";
export { type CreateSubaccountInput, createSubaccount } from "./tenancy/create-subaccount";
export { listSubaccounts, type SubaccountSummary } from "./tenancy/list-subaccounts";
export { HostError, type ParsedHost, parseHost } from "./tenancy/parse-host";
export { RESERVED_SUBDOMAINS } from "./tenancy/reserved";
export { clearTenantCache, resolveTenantByHost } from "./tenancy/resolve-tenant";
export type { Brand, ResolvedTenant } from "./tenancy/resolved-tenant";
