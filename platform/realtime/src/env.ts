import { z } from "zod";

/** The realtime gateway's settings. Only this file reads process.env for this app. */
export const realtimeEnvSchema = z.object({
  OMNIFY_DB_APP_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  OMNIFY_SECRET: z.string().min(16, "must be at least 16 characters"),
  REALTIME_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** Unset: every interface. Set 127.0.0.1 to keep the gateway private to the machine. */
  REALTIME_HOST: z.string().min(1).optional(),
});
export type RealtimeEnv = z.infer<typeof realtimeEnvSchema>;

export function readRealtimeEnv(source: NodeJS.ProcessEnv = process.env): RealtimeEnv {
  const parsed = realtimeEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message}`);
  }
  return parsed.data;
}
