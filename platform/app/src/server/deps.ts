import { type ApiDeps, createTrpcFetchHandler, type TrpcFetchHandler } from "@omnify/api";
import { createDomainResolver, parseDnsServers } from "@omnify/core/domains/dns-check";
import { exportDirFrom } from "@omnify/core/export/config";
import { createMailer } from "@omnify/core/mail/mailer";
import { createObjectStorage } from "@omnify/core/storage/config";
import type { ObjectStorage } from "@omnify/core/storage/object-storage";
import { createAppDatabase } from "@omnify/db";
import { createPluginRuntimeClient, pluginRuntimeToken } from "@omnify/plugin-runtime/client";
import { type ServerEnv, serverEnv } from "../env";
import { billingFrom } from "./billing";

export type AppDeps = ApiDeps & {
  env: ServerEnv;
  trpc: TrpcFetchHandler;
  exportDir: string;
  /** Plugin objects (uploads, `ctx.storage`): local disk or S3 per OMNIFY_STORAGE. */
  storage: ObjectStorage;
};

// Kept on globalThis so dev-mode module reloads reuse one connection pool instead of
// opening a new one on every edit.
const holder = globalThis as typeof globalThis & { __omnifyDeps?: AppDeps };

/** The process-wide database pool, mailer and tRPC handler, created on first use (never at build time). */
export function getDeps(): AppDeps {
  if (!holder.__omnifyDeps) {
    const env = serverEnv();
    const api: ApiDeps = {
      db: createAppDatabase(env.OMNIFY_DB_APP_URL),
      mailer: createMailer(env.core),
      domainResolver: createDomainResolver(parseDnsServers(env.OMNIFY_DNS_SERVERS)),
      config: {
        ...env.core,
        realtimeUrl: env.OMNIFY_REALTIME_URL,
        realtimeSecret: env.OMNIFY_SECRET,
        omnifySecret: env.OMNIFY_SECRET,
      },
      ...billingFrom(env),
      ...(env.OMNIFY_PLUGIN_RUNTIME_URL
        ? {
            pluginRuntime: createPluginRuntimeClient({
              url: env.OMNIFY_PLUGIN_RUNTIME_URL,
              token: pluginRuntimeToken(env.OMNIFY_SECRET),
            }),
          }
        : {}),
    };
    holder.__omnifyDeps = {
      ...api,
      env,
      trpc: createTrpcFetchHandler(api),
      exportDir: exportDirFrom(env.OMNIFY_EXPORT_DIR),
      storage: createObjectStorage(env.storage),
    };
  }
  return holder.__omnifyDeps;
}
