import { z } from "zod";
import { DEFAULT_DEMO_PASSWORD } from "./demo";

/** Settings for `npm run tenants:sync`. Only this file reads process.env in this package. */
const syncEnvSchema = z.object({
  OMNIFY_DEMO_PASSWORD: z.string().min(10).default(DEFAULT_DEMO_PASSWORD),
  /** The app login; unset, it is derived from DATABASE_URL or the embedded server. */
  OMNIFY_DB_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must start with postgres:// or postgresql://" })
    .optional(),
});
export type SyncEnv = z.infer<typeof syncEnvSchema>;

export function readSyncEnv(source: NodeJS.ProcessEnv = process.env): SyncEnv {
  const parsed = syncEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".") ?? "environment"}: ${issue?.message}`);
  }
  return parsed.data;
}
