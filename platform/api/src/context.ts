import {
  type CoreConfig,
  type DomainResolver,
  type Mailer,
  type ResolvedTenant,
  resolveTenantByHost,
  type Stripe,
} from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import type { PluginRuntimeClient } from "@omnify/plugin-runtime/client";

export type ApiConfig = CoreConfig & {
  realtimeUrl: string;
  realtimeSecret: string;
  /** OMNIFY_SECRET: plugin secrets' key-encryption keys derive from it. */
  omnifySecret: string;
};

/**
 * Long-lived services the API is built with, once per process. `pluginRuntime` is the
 * client of the plugin runtime service; without it `plugins.invoke` answers PRECONDITION_FAILED.
 */
export type ApiDeps = {
  db: AppDatabase;
  mailer: Mailer;
  config: ApiConfig;
  pluginRuntime?: PluginRuntimeClient;
  /** DNS for custom-domain checks; the system resolver when absent (OMNIFY_DNS_SERVERS). */
  domainResolver?: DomainResolver;
  /** Stripe (or the local fake) for billing.*; without it checkout/portal answer PRECONDITION_FAILED. */
  billing?: { stripe: Stripe; webhookSecret: string };
};

/**
 * Per-request context. Deliberately small (create-t3-turbo #924): services, the tenant the
 * Host header resolved to, and the raw session token, which procedures validate lazily.
 */
export type Context = ApiDeps & {
  tenant: ResolvedTenant | null;
  sessionToken: string | null;
  ip: string | null;
  /** The User-Agent header, for audit records only (never trusted for anything). */
  userAgent?: string | null;
};

export type RequestInfo = { headers: Headers; sessionToken: string | null; ip: string | null };

/** Builds contexts for one set of services; a malformed or unknown host yields `tenant: null`. */
export function createContextFactory(deps: ApiDeps): (req: RequestInfo) => Promise<Context> {
  return async ({ headers, sessionToken, ip }) => {
    const host = headers.get("host");
    const tenant = host ? await resolveTenantByHost(deps.db, host, deps.config) : null;
    return { ...deps, tenant, sessionToken, ip, userAgent: headers.get("user-agent") };
  };
}
