import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type ApiDeps, createContextFactory } from "./context";
import { csrfRefusal } from "./csrf";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

export type TrpcFetchHandler = (
  req: Request,
  sessionToken: string | null,
  opts?: { ip?: string | null },
) => Promise<Response>;

/** Some runtimes leave Host out of `req.headers`; the URL then carries the same value. */
function withHost(req: Request): Headers {
  if (req.headers.has("host")) return req.headers;
  const headers = new Headers(req.headers);
  headers.set("host", new URL(req.url).host);
  return headers;
}

/**
 * The `/api/trpc` handler for a Next.js route. The route decodes the next-auth JWT and
 * passes the session token in it (or null); the tenant comes from the request's Host header.
 * `ip` is whatever the deployment trusts (e.g. the first proxy hop); it is never guessed here.
 * Mutations without the CSRF header or from a foreign Origin get a 403 first (csrf.ts).
 */
export function createTrpcFetchHandler(deps: ApiDeps): TrpcFetchHandler {
  const createContext = createContextFactory(deps);
  return async (req, sessionToken, opts) =>
    csrfRefusal(req, deps.config) ??
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: appRouter,
      createContext: () =>
        createContext({ headers: withHost(req), sessionToken, ip: opts?.ip ?? null }),
    });
}
