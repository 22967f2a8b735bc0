import { type PaymentsEnv, paymentsEnvSchema } from "@omnify/core/payments/config";
import { storageEnvSchema } from "@omnify/core/storage/config";
import { z } from "zod";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL");

/** The runtime service's settings. Only this file reads process.env for this process. */
export const runtimeEnvSchema = z.object({
  /** The `omnify_app` login: installations, catalog, secrets, usage, events (RLS applies). */
  OMNIFY_DB_APP_URL: postgresUrl,
  /** Owner login, for pg-boss only (sending plugin jobs into its schema). */
  OMNIFY_DB_ADMIN_URL: postgresUrl,
  OMNIFY_SECRET: z.string().min(16),
  PLUGIN_RUNTIME_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  PLUGIN_RUNTIME_PROCESSES: z.coerce.number().int().min(1).max(64).default(2),
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
});
export type RuntimeEnv = z.infer<typeof runtimeEnvSchema> & {
  /** OMNIFY_STORAGE / OMNIFY_STORAGE_DIR / S3_* (core's fragment, shared with the web app). */
  storage: z.infer<typeof storageEnvSchema>;
  /** STRIPE_SECRET_KEY / STRIPE_API_URL / PAYSTACK_SECRET_KEY / PAYSTACK_API_BASE (ctx.payments). */
  payments: PaymentsEnv;
};

function parsed<T>(r: z.ZodSafeParseResult<T>): T {
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`Invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message}`);
}

export function readRuntimeEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  return {
    ...parsed(runtimeEnvSchema.safeParse(source)),
    storage: parsed(storageEnvSchema.safeParse(source)),
    payments: parsed(paymentsEnvSchema.safeParse(source)),
  };
}
