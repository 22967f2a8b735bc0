import {
  type AccessActor,
  type Action,
  accessInTransaction,
  authorize,
  DomainError,
  findAccess,
  mfaEnrolmentMissing,
  type ResolvedTenant,
  validateAuthSession,
  validateSessionInTransaction,
} from "@omnify/core";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import { domainCause, fieldErrorsOf, toTrpcError } from "./errors";
import { assertRecentAuth } from "./step-up";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const domain = domainCause(error);
    return {
      ...shape,
      data: {
        ...shape.data,
        field: domain?.field ?? null,
        fieldErrors: error.code === "BAD_REQUEST" ? fieldErrorsOf(error.cause) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns a DomainError thrown anywhere below into the matching tRPC error code. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const domain = domainCause(result.error);
    if (domain && result.error.code === "INTERNAL_SERVER_ERROR") throw toTrpcError(domain);
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** A public procedure on a tenant's host (unknown host: NOT_FOUND). */
export const tenantPublicProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.tenant) throw new TRPCError({ code: "NOT_FOUND", message: "Unknown host" });
  return next({ ctx: { tenant: ctx.tenant } });
});

/**
 * A signed-in member of the host's tenant, outside any transaction: for procedures that
 * touch other tenants (handoff) or none (realtime tokens).
 */
export const memberProcedure = tenantPublicProcedure.use(async ({ ctx, next }) => {
  const session = await validateAuthSession(ctx.db, ctx.tenant.id, ctx.sessionToken);
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const actor = await findAccess(ctx.db, ctx.tenant, session.userId);
  if (!actor) throw new TRPCError({ code: "FORBIDDEN", message: "No access to this workspace" });
  const tenant = ctx.tenant;
  const missing = await ctx.db.withTenant(
    tenant.id,
    (tx) => mfaEnrolmentMissing(tx, tenant, session.userId),
    { userId: session.userId },
  );
  if (missing) throw mfaEnrolmentRequired();
  return next({ ctx: { user: session.user, session, role: actor.role, actor } });
});

/** The refusal for a member who must set up MFA first; `data.field` names it for clients. */
function mfaEnrolmentRequired(): TRPCError {
  return new TRPCError({
    code: "FORBIDDEN",
    message: "This workspace requires two-factor authentication: set it up under Security first",
    cause: new DomainError("FORBIDDEN", "two-factor authentication required", "mfa"),
  });
}

/**
 * A signed-in member whose resolver runs inside one withTenant transaction of the host's
 * tenant (`ctx.tx`). The session check, the role lookup and the required-MFA check run in
 * that same transaction (the agency checks for a sub-account switch context inside it), so a
 * request costs one transaction and one pooled connection. A failed resolver rolls it all back.
 */
const signedInTransaction = (enforceMfa: boolean) =>
  tenantPublicProcedure.use(async ({ ctx, next }) =>
    ctx.db.withTenant(ctx.tenant.id, async (tx) => {
      const session = await validateSessionInTransaction(tx, ctx.sessionToken);
      if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
      const actor = await accessInTransaction(tx, ctx.tenant, session.userId);
      if (!actor) {
        throw new TRPCError({ code: "FORBIDDEN", message: "No access to this workspace" });
      }
      if (enforceMfa && (await mfaEnrolmentMissing(tx, ctx.tenant, session.userId))) {
        throw mfaEnrolmentRequired();
      }
      const result = await next({
        ctx: { tx, user: session.user, session, role: actor.role, actor },
      });
      // next() reports failure instead of throwing; throw so the transaction rolls back.
      if (!result.ok) throw result.error;
      return result;
    }),
  );

export const tenantProcedure = signedInTransaction(true);

/**
 * For the few procedures a member who still has to set up required MFA needs: the
 * enrolment itself, step-up and their own sessions. Everything else refuses them.
 */
export const enrolmentProcedure = signedInTransaction(false);

/** Every gate below asks the one policy function; the reason becomes the error message. */
function assertAllowed(actor: AccessActor, action: Action, tenant: ResolvedTenant) {
  const decision = authorize(actor, action, { tenant });
  if (!decision.allowed) throw new TRPCError({ code: "FORBIDDEN", message: decision.reason });
}

/** A tenant procedure (one transaction) that requires `action` on the host's tenant. */
export const authorizedProcedure = (action: Action) =>
  tenantProcedure.use(({ ctx, next }) => {
    assertAllowed(ctx.actor, action, ctx.tenant);
    return next();
  });

/** The same gate on memberProcedure, for procedures that open their own transactions. */
export const authorizedMemberProcedure = (action: Action) =>
  memberProcedure.use(({ ctx, next }) => {
    assertAllowed(ctx.actor, action, ctx.tenant);
    return next();
  });

/** Agency staff (owner, admin, member allowed to see sub-accounts) on the agency's own host. */
export const agencyStaffProcedure = tenantProcedure.use(({ ctx, next }) => {
  assertAgencyHost(ctx.tenant);
  assertAllowed(ctx.actor, "subaccounts.read", ctx.tenant);
  return next();
});

/** Owners and admins of the host's tenant (`tenant.admin`, which no custom role grants). */
export const adminProcedure = authorizedProcedure("tenant.admin");

/** The same gates without the wrapping transaction, for procedures that open their own. */
export const agencyStaffMemberProcedure = memberProcedure.use(({ ctx, next }) => {
  assertAgencyHost(ctx.tenant);
  assertAllowed(ctx.actor, "subaccounts.access", ctx.tenant);
  return next();
});
export const adminMemberProcedure = authorizedMemberProcedure("tenant.admin");

function assertAgencyHost(tenant: ResolvedTenant): void {
  if (tenant.kind !== "agency") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only available on an agency's portal" });
  }
}

/**
 * Step-up: sensitive actions (billing, API keys, domains, role changes, MFA changes) also
 * need a password or TOTP confirmation on this session within STEP_UP_MAX_AGE_MS. Add it
 * to any signed-in builder, e.g. `adminProcedure.use(requireRecentAuth)`; a refusal is
 * FORBIDDEN with `data.field === "stepUp"` (see docs/CONTRACTS.md).
 */
export const requireRecentAuth = t.middleware(({ ctx, next }) => {
  assertRecentAuth(ctx);
  return next();
});

/** A tenant procedure that requires a recent reauthentication. */
export const stepUpProcedure = tenantProcedure.use(requireRecentAuth);

/** stepUpProcedure for the MFA enrolment steps (see enrolmentProcedure). */
export const enrolmentStepUpProcedure = enrolmentProcedure.use(requireRecentAuth);
