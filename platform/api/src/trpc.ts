import {
  type EffectiveRole,
  effectiveRoleInTransaction,
  findEffectiveRole,
  isAdminRole,
  isAgencyStaffRole,
  type ResolvedTenant,
  validateAuthSession,
  validateSessionInTransaction,
} from "@omnify/core";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import { domainCause, fieldErrorsOf, toTrpcError } from "./errors";

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
  const role = await findEffectiveRole(ctx.db, ctx.tenant, session.userId);
  if (!role) throw new TRPCError({ code: "FORBIDDEN", message: "No access to this workspace" });
  return next({ ctx: { user: session.user, session, role } });
});

/**
 * A signed-in member whose resolver runs inside one withTenant transaction of the host's
 * tenant (`ctx.tx`). The session check and the role lookup run in that same transaction
 * (the agency check for a sub-account switches context inside it), so a request costs one
 * transaction and one pooled connection. A failed resolver rolls it all back.
 */
export const tenantProcedure = tenantPublicProcedure.use(async ({ ctx, next }) =>
  ctx.db.withTenant(ctx.tenant.id, async (tx) => {
    const session = await validateSessionInTransaction(tx, ctx.sessionToken);
    if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    const role = await effectiveRoleInTransaction(tx, ctx.tenant, session.userId);
    if (!role) throw new TRPCError({ code: "FORBIDDEN", message: "No access to this workspace" });
    const result = await next({ ctx: { tx, user: session.user, session, role } });
    // next() reports failure instead of throwing; throw so the transaction rolls back.
    if (!result.ok) throw result.error;
    return result;
  }),
);

function assertRole(
  role: EffectiveRole,
  allowed: (role: EffectiveRole) => boolean,
  message: string,
) {
  if (!allowed(role)) throw new TRPCError({ code: "FORBIDDEN", message });
}

const AGENCY_STAFF = "Agency staff only";
const ADMINS = "Only owners and admins can do this";

/** Agency staff (owner, admin, member) on the agency's own host. */
export const agencyStaffProcedure = tenantProcedure.use(({ ctx, next }) => {
  assertAgencyHost(ctx.tenant);
  assertRole(ctx.role, isAgencyStaffRole, AGENCY_STAFF);
  return next();
});

/** Owners and admins of the host's tenant. */
export const adminProcedure = tenantProcedure.use(({ ctx, next }) => {
  assertRole(ctx.role, isAdminRole, ADMINS);
  return next();
});

/** The same gates without the wrapping transaction, for procedures that open their own. */
export const agencyStaffMemberProcedure = memberProcedure.use(({ ctx, next }) => {
  assertAgencyHost(ctx.tenant);
  assertRole(ctx.role, isAgencyStaffRole, AGENCY_STAFF);
  return next();
});
export const adminMemberProcedure = memberProcedure.use(({ ctx, next }) => {
  assertRole(ctx.role, isAdminRole, ADMINS);
  return next();
});

function assertAgencyHost(tenant: ResolvedTenant): void {
  if (tenant.kind !== "agency") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only available on an agency's portal" });
  }
}
