import {
  type AccessActor,
  type Action,
  authorize,
  DomainError,
  loadRequestContext,
  type RequestContext,
  type ResolvedTenant,
  requestContextInTransaction,
} from "@omnify/core";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Context } from "./context";
import { domainCause, fieldErrorsOf, toTrpcError } from "./errors";
import { assertWritable } from "./read-only";
import { assertRecentAuth } from "./step-up";
import { transformer } from "./transformer";

const t = initTRPC.context<Context>().create({
  transformer,
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

type Call = Parameters<typeof assertWritable>[1];

/**
 * The session, access, required-MFA and read-only gates over one request context:
 * UNAUTHORIZED without a live session; FORBIDDEN without access here, (when `enforceMfa`)
 * while the tenant requires MFA the member has not set up, or for a mutation outside the
 * allow-list while the workspace is read-only for billing (read-only.ts). Returns what
 * procedures see in `ctx`.
 */
function admit(context: RequestContext | null, enforceMfa: boolean, call: Call) {
  if (!context) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const { session, actor, billing: billingAccess } = context;
  if (!actor) throw new TRPCError({ code: "FORBIDDEN", message: "No access to this workspace" });
  if (enforceMfa && context.mfaEnrolmentMissing) throw mfaEnrolmentRequired();
  assertWritable(billingAccess, call);
  return { user: session.user, session, role: actor.role, actor, billingAccess };
}

/**
 * A signed-in member of the host's tenant, outside any transaction: for procedures that
 * touch other tenants (handoff) or none (realtime tokens). The checks cost one short
 * transaction with a single context query.
 */
export const memberProcedure = tenantPublicProcedure.use(async ({ ctx, type, path, next }) => {
  const context = await loadRequestContext(ctx.db, ctx.tenant, ctx.sessionToken);
  return next({ ctx: admit(context, true, { type, path }) });
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
 * tenant (`ctx.tx`): BEGIN, set_config, ONE request-context query (`app.request_context()`:
 * session, user, access, required MFA, billing), the resolver's own statements, COMMIT.
 * A failed resolver rolls it all back. See docs/ARCHITECTURE.md, "Request path".
 */
const signedInTransaction = (enforceMfa: boolean) =>
  tenantPublicProcedure.use(async ({ ctx, type, path, next }) =>
    ctx.db.withTenant(ctx.tenant.id, async (tx) => {
      const context = await requestContextInTransaction(tx, ctx.tenant, ctx.sessionToken);
      const result = await next({ ctx: { tx, ...admit(context, enforceMfa, { type, path }) } });
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
