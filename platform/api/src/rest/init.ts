import {
  type ApiKeyPrincipal,
  assertNotReadOnly,
  billingAccessInTransaction,
  grantsScope,
  type ResolvedTenant,
} from "@omnify/core";
import { initTRPC, TRPCError } from "@trpc/server";
import type { ApiDeps } from "../context";
import { domainCause, toTrpcError } from "../errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** How a procedure opts into the public REST API; `path` is below /api/v1. */
export type OpenApiMeta = {
  method: HttpMethod;
  path: `/${string}`;
  /** `<module>:read|write`, checked against the key before the procedure runs. */
  scope: string;
  summary: string;
  tags?: string[];
};
export type RestMeta = { openapi?: OpenApiMeta };

/**
 * Context of a REST call: the services, the API key's principal and the key's own tenant
 * (never the Host header's; the handler refuses a Host naming another tenant).
 */
export type RestContext = ApiDeps & {
  principal: ApiKeyPrincipal;
  tenant: ResolvedTenant;
  ip: string | null;
};

// A tRPC instance of its own: REST procedures speak plain JSON (no superjson) and are never
// mounted on /api/trpc, where no API key is ever presented.
const t = initTRPC.context<RestContext>().meta<RestMeta>().create();

export const createRestRouter = t.router;
export const createRestCallerFactory = t.createCallerFactory;

/** An API-key call: DomainErrors become tRPC codes, and the key must hold the scope. */
export const apiKeyProcedure = t.procedure
  .use(async ({ next }) => {
    const result = await next();
    if (!result.ok) {
      const domain = domainCause(result.error);
      if (domain && result.error.code === "INTERNAL_SERVER_ERROR") throw toTrpcError(domain);
    }
    return result;
  })
  .use(({ ctx, meta, next }) => {
    const scope = meta?.openapi?.scope;
    if (!scope) throw new TRPCError({ code: "FORBIDDEN", message: "Not part of the public API" });
    if (!grantsScope(ctx.principal.scopes, scope)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This API key lacks the scope ${scope}` });
    }
    return next();
  })
  // The same write guard as tenantProcedure: anything but GET waits until the bill is paid.
  .use(async ({ ctx, meta, next }) => {
    if (meta?.openapi?.method !== "GET") {
      const tenantId = ctx.principal.tenantId;
      assertNotReadOnly(
        await ctx.db.withTenant(tenantId, (tx) => billingAccessInTransaction(tx, tenantId)),
      );
    }
    return next();
  });

/** The same, with the resolver inside one withTenant transaction of the key's tenant. */
export const apiKeyTenantProcedure = apiKeyProcedure.use(async ({ ctx, next }) =>
  ctx.db.withTenant(ctx.principal.tenantId, async (tx) => {
    const result = await next({ ctx: { tx } });
    if (!result.ok) throw result.error;
    return result;
  }),
);
