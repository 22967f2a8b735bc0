import type { AppDatabase } from "@omnify/db";
import type { PluginRuntimeClient } from "@omnify/plugin-runtime/client";
import { PgBoss } from "pg-boss";
import type { JobContext, JobDefinition, JobHandler, Logger } from "./jobs/define-job";
import { jobs as registeredJobs } from "./registry";

export type WorkerOptions = {
  /**
   * Owner login, used by pg-boss alone: it creates, migrates and owns the `pgboss` schema,
   * which the app role may not (no CREATE). pg-boss tables hold no tenant data and need no
   * RLS. Handlers never see this connection; they get `db`, so tenant rows stay behind RLS.
   */
  adminUrl: string;
  /** The app-role database handlers use (RLS applies). The caller owns and closes it. */
  db: AppDatabase;
  jobs?: readonly JobDefinition[];
  log?: Logger;
  /** How often idle workers poll for jobs; pg-boss's default is 2 s. */
  pollingIntervalSeconds?: number;
  /** Run cron schedules from this instance (default true). Tests turn it off so a cron
   *  tick cannot race the job they trigger by hand. */
  schedule?: boolean;
  /** The plugin runtime service; plugin jobs, events and purges need it. */
  plugins?: PluginRuntimeClient | null;
  /** Runs once the queues are up, e.g. to start plugin queues without waiting for cron. */
  afterStart?: (ctx: Omit<JobContext, "jobId">) => Promise<void>;
};

export type Worker = {
  boss: PgBoss;
  definitions: readonly JobDefinition[];
  start(): Promise<void>;
  /** Stops fetching, waits (bounded) for running jobs, closes pg-boss's pool. */
  stop(): Promise<void>;
};

/** A pg-boss worker that creates each job's queue, schedules its cron and runs its handler. */
export function createWorker(opts: WorkerOptions): Worker {
  const log = opts.log ?? console;
  const definitions = opts.jobs ?? registeredJobs;
  const boss = new PgBoss({
    connectionString: opts.adminUrl,
    application_name: "omnify-worker",
    max: 4,
    schedule: opts.schedule ?? true,
  });
  // pg-boss reports background failures (maintenance, polling) as events; an unhandled
  // 'error' event would crash the process.
  boss.on("error", (error) => {
    // 57P01: PostgreSQL is shutting down (Ctrl-C reaches it and us at once). One line, not a
    // stack trace per pooled connection; pg-boss reconnects if the server comes back.
    if ((error as { code?: unknown }).code === "57P01")
      log.warn("[worker] database is shutting down; pg-boss connection closed");
    else log.error("[worker] pg-boss error", error);
  });
  boss.on("warning", (warning) => log.warn(`[worker] pg-boss warning: ${warning.message}`));

  return {
    boss,
    definitions,
    async start() {
      await boss.start();
      for (const def of definitions) {
        await boss.createQueue(def.id, def.queue);
        // createQueue leaves an existing queue as it was; re-apply retention and retry
        // settings so a changed definition takes effect on the next deploy.
        const { policy: _p, partition: _pa, deadLetter: _d, ...mutable } = def.queue;
        await boss.updateQueue(def.id, mutable);
        if (def.cron) {
          await boss.schedule(def.id, def.cron.expression, def.cron.payload as object, {
            tz: def.cron.tz,
          });
        } else {
          await boss.unschedule(def.id);
        }
        const run = runner(def, { db: opts.db, log, boss, plugins: opts.plugins ?? null });
        await boss.work<unknown>(
          def.id,
          { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
          async ([job]) => (job ? run(job.id, job.data) : undefined),
        );
      }
      await opts.afterStart?.({ db: opts.db, log, boss, plugins: opts.plugins ?? null });
    },
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}

/** Validates the payload, then imports the handler once and runs it. */
function runner(def: JobDefinition, base: Omit<JobContext, "jobId">) {
  let handler: Promise<JobHandler<unknown>> | undefined;
  return async (jobId: string, data: unknown) => {
    const payload = def.payload.parse(data ?? {});
    handler ??= def.handler().then((m) => m.default);
    try {
      return await (await handler)(payload, { ...base, jobId });
    } catch (error) {
      base.log.error(`[worker] ${def.id} job ${jobId} failed`, error);
      throw error;
    }
  };
}
