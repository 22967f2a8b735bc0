import type { AppDatabase } from "@omnify/db";
import type { PluginRuntimeClient } from "@omnify/plugin-runtime/client";
import type { PgBoss, Queue } from "pg-boss";
import type { z } from "zod";

export type Logger = Pick<Console, "info" | "warn" | "error">;

/**
 * What a handler may use. Tenant data is reached only through `db`, the RLS-bound app role.
 * `boss` is for jobs that fan out or manage plugin queues; `plugins` is the runtime client
 * (null when the worker runs without the plugin runtime).
 */
export type JobContext = {
  db: AppDatabase;
  log: Logger;
  jobId: string;
  boss: PgBoss;
  plugins: PluginRuntimeClient | null;
};

// Declared as a method so a definition with a concrete payload still fits in the registry's
// `JobDefinition[]` (method parameters are bivariant; plain function types are not).
export type JobHandler<T> = {
  run(payload: T, ctx: JobContext): Promise<unknown>;
}["run"];

/**
 * A job is data the worker can read without loading its code: the handler module is
 * imported on the first run, so adding jobs does not slow worker start-up.
 */
export type JobDefinition<P extends z.ZodType = z.ZodType> = {
  /** Also the pg-boss queue name: letters, digits, `_ . - /`. */
  id: string;
  payload: P;
  queue: Omit<Queue, "name">;
  /** Cron in the given IANA time zone; pg-boss has minute precision. */
  cron?: { expression: string; tz: string; payload: z.input<P> };
  handler: () => Promise<{ default: JobHandler<z.output<P>> }>;
};

/** Keeps the payload type tied to the handler's parameter. */
export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/**
 * Retention every queue starts from, so the job table stays small (pg-boss slows down as
 * it grows, pg-boss #228): finished jobs go after a day, never-started ones after an hour.
 */
export const DEFAULT_RETENTION = {
  deleteAfterSeconds: 24 * 60 * 60,
  retentionSeconds: 60 * 60,
} as const satisfies Omit<Queue, "name">;
