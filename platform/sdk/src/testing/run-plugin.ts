import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { POOL_DEFAULTS } from "@omnify/plugin-host";
import type { PluginDescriptor } from "../define-plugin.ts";
import { type Budget, checkBudget, defaultBudget, measure, type PluginRunStats } from "./budget.ts";
import { type ScratchDatabase, scratchDatabase } from "./cluster.ts";
import { pluginDir } from "./load-plugin.ts";
import {
  type LocalFetchOptions,
  type LocalHostOptions,
  type SecretSource,
  type Settings,
  startLocalHost,
} from "./local-host.ts";
import type { Recorded } from "./recorder.ts";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

export type RunPluginOptions = {
  /** The plugin folder: `new URL('..', import.meta.url)` from a file in `test/`. */
  dir: string | URL;
  /** Settings for every tenant; override one tenant with `p.setSettings`. */
  settings?: Settings;
  /** Secret values by name, or `(tenant, name) => value`. */
  secrets?: SecretSource;
  fetch?: LocalFetchOptions;
  /** Tenants to load up front (any label; calls may use others too). */
  tenants?: string[];
  /** Pool limits, e.g. a smaller `cpuTimeoutMs`; the defaults are production's. */
  pool?: LocalHostOptions["pool"];
};

export type PluginRun = {
  readonly manifest: PluginDescriptor;
  /** What the plugin did through the host: events, realtime, meters, jobs, logs, fetches. */
  readonly recorded: Recorded;
  /** Calls a procedure as `tenant` (the host sets ctx.tenant; the plugin cannot choose it). */
  call<T = unknown>(tenant: string, procedure: string, input?: unknown): Promise<T>;
  /** Delivers an event the plugin subscribes to, as the event dispatcher would. */
  emitEvent(tenant: string, type: string, payload?: unknown): Promise<void>;
  /** Runs a job handler (schedules run the job with the schedule's id). */
  runJob<T = unknown>(tenant: string, jobId: string, payload?: unknown): Promise<T>;
  setSettings(tenant: string, settings: Settings): void;
  /** The UUID a tenant label stands for (what `ctx.tenant.id` and `tenant_id` hold). */
  tenantId(tenant: string): string;
  clearRecorded(): void;
  stats(): Promise<PluginRunStats>;
  /** Throws unless measured CPU per call and memory per isolate fit the budget. */
  expectWithinBudget(budget?: Budget): Promise<PluginRunStats>;
  close(): Promise<void>;
};

/**
 * Runs a plugin folder the way production does: bundled by the real build, in the real
 * sandbox, behind the real capability checks, with a real PostgreSQL for `ctx.db`. The other
 * host APIs record into `p.recorded`.
 */
export async function runPlugin(opts: RunPluginOptions): Promise<PluginRun> {
  const dir = pluginDir(opts.dir);
  let scratch: ScratchDatabase | undefined;
  const host = await startLocalHost({
    dir,
    ...(opts.settings ? { settings: opts.settings } : {}),
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.pool ? { pool: opts.pool } : {}),
    databaseAdminUrl: async () => {
      scratch = await scratchDatabase(repoRoot);
      return scratch.adminUrl;
    },
  }).catch(async (e) => {
    await scratch?.drop();
    throw e;
  });
  const manifest = host.plugin.manifest;
  // Loading the descriptor starts the worker; RSS after it is the baseline for memory.
  await host.pool.inspect(host.plugin.bundle);
  const baselineRssMb = (await host.pool.stats()).processes.reduce((n, p) => n + (p.rssMb ?? 0), 0);
  for (const tenant of opts.tenants ?? []) {
    await host.pool.prewarm({
      tenantId: host.tenants.id(tenant),
      pluginId: manifest.id,
      version: manifest.version,
      bundle: host.plugin.bundle,
    });
  }
  const stats = () => measure(host.pool, manifest.id, baselineRssMb);
  return {
    manifest,
    recorded: host.recorded,
    call: (tenant, procedure, input) => host.invoke(tenant, "procedure", procedure, input),
    async emitEvent(tenant, type, payload) {
      if (!manifest.capabilities.events?.subscribe?.includes(type))
        throw new Error(
          `${manifest.id} does not subscribe to '${type}' (capabilities.events.subscribe)`,
        );
      await host.invoke(tenant, "event", type, payload ?? null);
    },
    runJob: (tenant, jobId, payload) => host.invoke(tenant, "job", jobId, payload ?? null),
    setSettings: (tenant, settings) => host.setSettings(tenant, settings),
    tenantId: (tenant) => host.tenants.id(tenant),
    clearRecorded: host.clearRecorded,
    stats,
    async expectWithinBudget(budget = {}) {
      const s = await stats();
      const cpuTimeoutMs = opts.pool?.cpuTimeoutMs ?? POOL_DEFAULTS.cpuTimeoutMs;
      checkBudget(s, { ...defaultBudget(manifest, cpuTimeoutMs), ...budget });
      return s;
    },
    async close() {
      try {
        await host.close();
      } finally {
        await scratch?.drop();
      }
    },
  };
}
