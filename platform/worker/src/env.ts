import type { StripeConfig } from "@omnify/core/billing/stripe-client";
import { parseDnsServers } from "@omnify/core/domains/dns-check";
import { readCoreConfig } from "@omnify/core/env";
import { exportDirFrom } from "@omnify/core/export/config";
import type { PluginDataAccess } from "@omnify/core/export/plugin-data";
import { z } from "zod";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL");

/** The worker's settings. Only this file reads process.env for this app. */
export const workerEnvSchema = z.object({
  /** Owner login: pg-boss's own schema only. */
  OMNIFY_DB_ADMIN_URL: postgresUrl,
  /** The `omnify_app` login: every tenant read and write in handlers. */
  OMNIFY_DB_APP_URL: postgresUrl,
  /** With OMNIFY_SECRET (for its token): the plugin runtime that runs plugin jobs and events. */
  OMNIFY_PLUGIN_RUNTIME_URL: z.url().optional(),
  OMNIFY_SECRET: z.string().min(16).optional(),
});
export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = workerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * What the export, import and domain jobs need, read on its own so those jobs run (and are
 * tested) without the database URLs: OMNIFY_EXPORT_DIR (shared with the web app),
 * OMNIFY_DNS_SERVERS (empty: the system resolver) and PLATFORM_HOST (the CNAME target).
 * Plugin data moves on each plugin's runtime login, derived from OMNIFY_SECRET on the host
 * of OMNIFY_DB_APP_URL; without both, a sub-account with plugin tables is refused.
 */
export function readTransferEnv(source: NodeJS.ProcessEnv = process.env) {
  const appUrl = source.OMNIFY_DB_APP_URL;
  const secret = source.OMNIFY_SECRET;
  const plugins: PluginDataAccess | null =
    appUrl && secret && secret.length >= 16 ? { baseUrl: appUrl, hostSecret: secret } : null;
  return {
    plugins,
    exportDir: exportDirFrom(source.OMNIFY_EXPORT_DIR),
    dnsServers: parseDnsServers(source.OMNIFY_DNS_SERVERS),
    platformHost: readCoreConfig(source).platformHost,
  };
}

/**
 * What the usage jobs need: the Stripe client settings (STRIPE_SECRET_KEY, and STRIPE_API_URL
 * for the local fake; none = usage is not reported to Stripe) and the core mail/link config.
 */
export function readUsageJobEnv(source: NodeJS.ProcessEnv = process.env) {
  const core = readCoreConfig(source);
  const key = source.STRIPE_SECRET_KEY;
  const api = source.STRIPE_API_URL ? new URL(source.STRIPE_API_URL) : null;
  const stripe: StripeConfig | null = key
    ? {
        secretKey: key,
        webhookSecret: source.STRIPE_WEBHOOK_SECRET ?? "",
        ...(api
          ? {
              host: api.hostname,
              port: Number(api.port || (api.protocol === "https:" ? 443 : 80)),
              protocol: api.protocol === "https:" ? ("https" as const) : ("http" as const),
            }
          : {}),
      }
    : null;
  return { core, stripe };
}
