import { randomUUID } from "node:crypto";
import {
  type ApiKeyPrincipal,
  authenticateApiKey,
  consumeRateLimit,
  DomainError,
  type RateLimitPolicy,
  type ResolvedTenant,
  rateLimitHeaders,
  recordApiCall,
  resolveTenantByHost,
  touchApiKey,
} from "@omnify/core";
import { eq, tenants } from "@omnify/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ApiDeps } from "../context";
import { domainCause, toTrpcError } from "../errors";
import { createRestCallerFactory } from "./init";
import { restRouter } from "./router";
import { matchRoute } from "./routes";

export const REST_PREFIX = "/api/v1";
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { limit: 120, windowSeconds: 60 };

export type RestFetchHandler = (req: Request, opts?: { ip?: string | null }) => Promise<Response>;

const createCaller = createRestCallerFactory(restRouter);

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  const trpc =
    error instanceof TRPCError
      ? error
      : error instanceof DomainError
        ? toTrpcError(error)
        : new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause: error });
  const status = getHTTPStatusCodeFromError(trpc);
  const domain = domainCause(trpc);
  const issues = (trpc.cause as { issues?: Array<{ path: PropertyKey[] }> } | undefined)?.issues;
  const field = domain?.field ?? (issues?.[0]?.path[0] as string | undefined) ?? null;
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="omnify"';
  const message = status >= 500 ? "Internal error" : trpc.message;
  return json(status, { error: { code: trpc.code, message, field } }, headers);
}

async function readInput(req: Request, method: string): Promise<unknown> {
  if (method === "GET") {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    return Object.keys(params).length > 0 ? params : undefined;
  }
  const text = await req.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("BAD_INPUT", "The request body is not valid JSON", "body");
  }
}

/**
 * `/api/v1/*`: Bearer API key → its tenant (from the key's row) → refuse a Host naming a
 * different tenant → rate limit (PostgreSQL, shared by every node) → monthly API-call quota
 * (`api.calls`) → scope → procedure.
 */
export function createRestFetchHandler(
  deps: ApiDeps,
  opts: { rateLimit?: RateLimitPolicy } = {},
): RestFetchHandler {
  const policy = opts.rateLimit ?? DEFAULT_RATE_LIMIT;

  async function keyTenant(principal: ApiKeyPrincipal, hostTenant: ResolvedTenant | null) {
    if (hostTenant?.id === principal.tenantId) return hostTenant;
    const [row] = await deps.db.withTenant(principal.tenantId, (tx) =>
      tx.select({ kind: tenants.kind }).from(tenants).where(eq(tenants.id, principal.tenantId)),
    );
    const host =
      row?.kind === "subaccount"
        ? `${principal.tenantSlug}.${principal.agencySlug}.${deps.config.platformHost}`
        : `${principal.agencySlug}.${deps.config.platformHost}`;
    const tenant = await resolveTenantByHost(deps.db, host, deps.config);
    if (!tenant) throw new DomainError("UNAUTHORIZED", "This key's workspace no longer exists");
    return tenant;
  }

  return async (req, reqOpts) => {
    let limitHeaders: Record<string, string> = {};
    try {
      const url = new URL(req.url);
      const path = url.pathname.slice(REST_PREFIX.length).replace(/\/+$/, "") || "/";
      const route = matchRoute(req.method, path);
      if (!route) return json(404, { error: { code: "NOT_FOUND", message: "No such endpoint" } });
      if (route === "method") {
        return json(405, { error: { code: "METHOD_NOT_SUPPORTED", message: "Wrong method" } });
      }
      const auth = req.headers.get("authorization") ?? "";
      const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      if (!bearer) throw new DomainError("UNAUTHORIZED", "Send Authorization: Bearer <api key>");
      const principal = await authenticateApiKey(deps.db, bearer);
      const host = req.headers.get("host") ?? url.host;
      const hostTenant = await resolveTenantByHost(deps.db, host, deps.config);
      if (hostTenant && hostTenant.id !== principal.tenantId) {
        throw new DomainError(
          "FORBIDDEN",
          "This API key belongs to another workspace than this host",
        );
      }
      const limit = await deps.db.withTenant(principal.tenantId, async (tx) => {
        await touchApiKey(tx, principal.keyId);
        const window = await consumeRateLimit(tx, {
          tenantId: principal.tenantId,
          keyId: principal.keyId,
          policy,
        });
        // Counts toward the monthly API-call quota; once it is used up this throws a 429
        // naming the quota and the upgrade path, and the transaction counts nothing.
        if (window.allowed) await recordApiCall(tx, randomUUID());
        return window;
      });
      limitHeaders = rateLimitHeaders(limit);
      if (!limit.allowed) {
        return json(
          429,
          { error: { code: "TOO_MANY_REQUESTS", message: "Rate limit exceeded", field: null } },
          limitHeaders,
        );
      }
      const tenant = await keyTenant(principal, hostTenant);
      const input = await readInput(req, route.meta.method);
      const caller = createCaller({ ...deps, principal, tenant, ip: reqOpts?.ip ?? null });
      const procedure = caller[route.name] as (input: unknown) => Promise<unknown>;
      return json(200, await procedure(input), limitHeaders);
    } catch (error) {
      return errorResponse(error, { ...limitHeaders });
    }
  };
}
