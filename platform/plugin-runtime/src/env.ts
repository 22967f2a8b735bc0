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
export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

export function readRuntimeEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const parsed = runtimeEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message}`);
  }
  return parsed.data;
}
