import { type CoreConfig, readCoreConfig } from "@omnify/core/env";
import { type StorageEnv, storageEnvSchema } from "@omnify/core/storage/config";
import { z } from "zod";

/**
 * The web app's environment: the only file in platform/app that reads process.env.
 * Parsed lazily (first call at request time), because `next build` runs without a
 * database or secrets and must not fail on their absence. Host, scheme, port and mail
 * settings are @omnify/core's fragment (readCoreConfig), so both read them identically.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const realtimeUrlSchema = z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3001"));

export const appEnvSchema = z
  .object({
    OMNIFY_DB_APP_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (the omnify_app login)"),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(3000)),
    OMNIFY_SECRET: z.string().min(16, "must be at least 16 characters"),
    NEXTAUTH_SECRET: optionalString,
    OMNIFY_REALTIME_URL: realtimeUrlSchema,
    /** The plugin runtime service (loopback); its token is derived from OMNIFY_SECRET. */
    OMNIFY_PLUGIN_RUNTIME_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** Export archives and pending imports; shared with the worker (see exportDirFrom). */
    OMNIFY_EXPORT_DIR: optionalString,
    /** Name servers for custom-domain checks ("1.1.1.1,127.0.0.1:5353"); empty = system. */
    OMNIFY_DNS_SERVERS: optionalString,
    /** Stripe; unset = billing off, except under `npm start`, which runs the fake (see @omnify/fake-stripe). */
    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    /**
     * The signing secret of the Stripe Connect webhook endpoint (agencies' connected accounts:
     * their clients' invoices), which Stripe signs apart from the platform's; unset = only
     * STRIPE_WEBHOOK_SECRET is accepted. Both endpoints may point at /api/stripe/webhook.
     */
    STRIPE_CONNECT_WEBHOOK_SECRET: optionalString,
    /** Another Stripe API base (the local fake, "http://127.0.0.1:12111"); unset = api.stripe.com. */
    STRIPE_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** Paystack's secret key: it also signs Paystack's webhooks (`x-paystack-signature`). */
    PAYSTACK_SECRET_KEY: optionalString,
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    /** Another GitHub web origin for OAuth (the local fake in `npm test`); unset = github.com. */
    GITHUB_OAUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** Another GitHub API origin (the same fake); unset = api.github.com. */
    GITHUB_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  })
  .transform((env) => ({
    ...env,
    // One secret is enough for local runs; production may rotate them separately.
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? env.OMNIFY_SECRET,
    githubEnabled: Boolean(env.GITHUB_ID && env.GITHUB_SECRET),
  }));

export type ServerEnv = z.infer<typeof appEnvSchema> & { core: CoreConfig; storage: StorageEnv };

function describe(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n  ");
  }
  return String(error);
}

let cachedCore: CoreConfig | undefined;
let cachedEnv: ServerEnv | undefined;

/** Host/scheme/port/mail config only: what proxy.ts needs, without DB or secrets. */
export function coreConfig(): CoreConfig {
  if (cachedCore) return cachedCore;
  try {
    cachedCore = readCoreConfig(process.env);
  } catch (error) {
    throw new Error(`Invalid environment for @omnify/app:\n  ${describe(error)}`);
  }
  return cachedCore;
}

let cachedRealtimeUrl: string | undefined;

/** `next dev` (the CSP allows eval there for React's dev tooling; never in production). */
export const isDevelopment = (): boolean => process.env.NODE_ENV === "development";

/** The realtime gateway as browsers reach it (proxy.ts puts it in the CSP), without DB or secrets. */
export function realtimeUrl(): string {
  try {
    cachedRealtimeUrl ??= realtimeUrlSchema.parse(process.env.OMNIFY_REALTIME_URL);
  } catch (error) {
    throw new Error(
      `Invalid environment for @omnify/app:\n  OMNIFY_REALTIME_URL: ${describe(error)}`,
    );
  }
  return cachedRealtimeUrl;
}

/** The full validated server env; throws one error naming every bad variable. */
export function serverEnv(): ServerEnv {
  if (cachedEnv) return cachedEnv;
  const parsed = appEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment for @omnify/app:\n  ${describe(parsed.error)}`);
  }
  // OMNIFY_STORAGE, OMNIFY_STORAGE_DIR, S3_*: plugin uploads (shared with the plugin runtime).
  const storage = storageEnvSchema.safeParse(process.env);
  if (!storage.success) {
    throw new Error(`Invalid environment for @omnify/app:\n  ${describe(storage.error)}`);
  }
  cachedEnv = { ...parsed.data, core: coreConfig(), storage: storage.data };
  return cachedEnv;
}

/**
 * next-auth v4 derives its origin from NEXTAUTH_URL (one fixed URL: wrong for a
 * multi-host app) or, with AUTH_TRUST_HOST, from X-Forwarded-Host/Proto. Trusting those
 * is safe only because proxy.ts overwrites both with the validated host and configured
 * scheme/port on every request. NEXTAUTH_URL is removed so it cannot win over them.
 */
export function trustValidatedHostForNextAuth(): void {
  delete process.env.NEXTAUTH_URL;
  process.env.AUTH_TRUST_HOST = "1";
}
