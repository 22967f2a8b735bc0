import { z } from "zod";

/** Database settings. Only this file reads process.env for the database package. */
export const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, "DATABASE_URL is set but empty; unset it to use the embedded PostgreSQL")
    .refine((v) => /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL must start with postgres:// or postgresql://",
    })
    .optional(),
  OMNIFY_APP_DB_PASSWORD: z.string().min(8).default("omnify-app-local-only"),
  OMNIFY_DATA_DIR: z.string().optional(),
});
export type DbEnv = z.infer<typeof dbEnvSchema>;

/** The process environment; the one place in this package allowed to read it. */
export const processEnv = (): NodeJS.ProcessEnv => process.env;

export function readDbEnv(source: NodeJS.ProcessEnv = processEnv()): DbEnv {
  const parsed = dbEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message}`);
  }
  return parsed.data;
}
