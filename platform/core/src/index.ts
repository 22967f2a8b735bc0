export * from "./api-keys/index";
export { type AuthenticatedUser, authenticate } from "./auth/authenticate";
export {
  effectiveRoleInTransaction,
  findEffectiveRole,
  type OwnRole,
  ownRoleInTransaction,
} from "./auth/effective-role";
export { consumeHandoffToken, createHandoffToken, HANDOFF_TTL_MS } from "./auth/handoff";
export { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./auth/password";
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
export * from "./devices/index";
export * from "./domains/index";
export { type CoreConfig, type CoreEnv, coreEnvSchema, readCoreConfig } from "./env";
export { badInput, DomainError, type DomainErrorCode } from "./errors";
export { createLogMailer, createMailer, type Mailer, type MailMessage } from "./mail/mailer";
export { invitationMail } from "./mail/templates/invitation";
export {
  type AcceptedInvitation,
  type AcceptInvitationInput,
  acceptInvitation,
} from "./members/accept-invitation";
export { expireStaleInvitations } from "./members/expire-stale-invitations";
export { getInvitation, type InvitationDetails } from "./members/get-invitation";
export {
  INVITATION_TTL_MS,
  type InviteMemberInput,
  inviteMember,
} from "./members/invite-member";
export { listMembers, type MemberSummary, type PendingInvitation } from "./members/list-members";
export { rolesForKind } from "./members/role-rules";
export * from "./plugins/index";
export * from "./rate-limit/index";
export { publishTenantEvent } from "./realtime/publish";
export { signRealtimeToken, verifyRealtimeToken } from "./realtime/token";
export { buildOrigin } from "./tenancy/build-origin";
export { listSubaccounts, type SubaccountSummary } from "./tenancy/list-subaccounts";
export { HostError, type ParsedHost, parseHost } from "./tenancy/parse-host";
export { RESERVED_SUBDOMAINS } from "./tenancy/reserved";
export { clearTenantCache, resolveTenantByHost } from "./tenancy/resolve-tenant";
export type { Brand, ResolvedTenant } from "./tenancy/resolved-tenant";
