import type { ObjectStorage, PaymentsService } from "@omnify/core";
import { DomainError, ingestUsage, queuePluginEvent, readPluginSecret } from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import type { GetSecret, HostSinks, PluginLogEntry } from "@omnify/plugin-host";
import { HostApiError } from "@omnify/plugin-sdk";
import type { PgBoss } from "pg-boss";
import { createCapabilitySinks } from "./capability-sinks";
import { paymentsSink } from "./payments-sink";
import type { PluginDatabases } from "./plugin-databases";
import { type PluginJobData, pluginQueueName } from "./queues";

export type SinkDeps = {
  db: AppDatabase;
  boss: PgBoss;
  pluginDbs: PluginDatabases;
  omnifySecret: string;
  /** Plugin objects (`ctx.storage`); local disk or S3 per OMNIFY_STORAGE. */
  storage: ObjectStorage;
  writeLog?: (line: string) => void;
  /** Core's payments service (Stripe / Paystack clients); without it ctx.payments is refused. */
  payments?: PaymentsService;
};

/** A refusal the plugin may read, instead of the generic 'host_error'. */
async function domainToHostError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError) throw new HostApiError("bad_request", error.message);
    throw error;
  }
}

/** Queues are created on first use; pg-boss refuses to send to a queue that does not exist. */
function queueMaker(boss: PgBoss) {
  const made = new Map<string, Promise<void>>();
  return (name: string) => {
    let p = made.get(name);
    if (!p) {
      p = boss.createQueue(name, { retryLimit: 3, deleteAfterSeconds: 86_400 });
      made.set(name, p);
      p.catch(() => made.delete(name));
    }
    return p;
  };
}

/**
 * Every host-API sink of the runtime. Each one acts for the invocation's tenant (from the
 * pool, never from the plugin) inside that tenant's RLS transaction.
 */
export function createSinks(deps: SinkDeps): { sinks: HostSinks; getSecret: GetSecret } {
  const { db } = deps;
  const ensureQueue = queueMaker(deps.boss);
  const write = deps.writeLog ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sinks: HostSinks = {
    log: (entry: PluginLogEntry) => write(JSON.stringify({ source: "plugin", ...entry })),
    emitEvent: ({ tenantId, pluginId, type, payload }) =>
      db.withTenant(tenantId, (tx) =>
        queuePluginEvent(tx, type, payload, { source: `plugin:${pluginId}`, hops: 1 }),
      ),
    recordMeter: ({ tenantId, pluginId, name, quantity, idempotencyKey, subject }) =>
      domainToHostError(
        db
          .withTenant(tenantId, (tx) =>
            ingestUsage(tx, [
              { meter: name, source: `plugin:${pluginId}`, quantity, idempotencyKey, subject },
            ]),
          )
          .then(() => undefined),
      ),
    enqueueJob: async ({ tenantId, pluginId, jobId, payload, options }) => {
      const queue = pluginQueueName(pluginId, jobId);
      await ensureQueue(queue);
      const data: PluginJobData = { tenantId, pluginId, jobId, payload: payload ?? null };
      const id = await deps.boss.send(queue, data, {
        ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
        // Namespaced by tenant: one tenant's singleton key cannot swallow another's job.
        ...(options.singletonKey ? { singletonKey: `${tenantId}:${options.singletonKey}` } : {}),
        ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      });
      if (!id)
        throw new HostApiError("duplicate", "a job with this singleton key is already queued");
      return { id };
    },
    ...(deps.payments ? { payments: paymentsSink(deps.payments) } : {}),
    query: ({ tenantId, pluginId, sql, params, method }) =>
      deps.pluginDbs.get(pluginId).query(tenantId, sql, params, method),
    // Devices, storage, and realtime publish (which also reaches one device).
    ...createCapabilitySinks(deps),
  };
  const getSecret: GetSecret = async (tenantId, pluginId, name) =>
    (await db.withTenant(tenantId, (tx) =>
      readPluginSecret(tx, { tenantId, pluginId, name }, deps.omnifySecret),
    )) ?? undefined;
  return { sinks, getSecret };
}
