import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { POOL_DEFAULTS } from "@omnify/plugin-host";
import type { PluginCaller, PluginDevice, StoredObject } from "../context.ts";
import type { PluginDescriptor } from "../define-plugin.ts";
import type { PaymentRefundedEvent, PaymentSucceededEvent } from "../payments.ts";
import { type Budget, checkBudget, defaultBudget, measure, type PluginRunStats } from "./budget.ts";
import { type ScratchDatabase, scratchDatabase } from "./cluster.ts";
import type { FakePayout, FakeRefund } from "./fake-payments.ts";
import { pluginDir } from "./load-plugin.ts";
import {
  type LocalFetchOptions,
  type LocalHostOptions,
  type SecretSource,
  type Settings,
  startLocalHost,
} from "./local-host.ts";
import type { Recorded } from "./recorder.ts";
import { uploadLikeTheRoute } from "./uploads.ts";

/** Who `p.call` runs as unless told otherwise: a member who may configure plugins. */
export const DEFAULT_CALLER: PluginCaller = Object.freeze({
  kind: "member",
  userId: "00000000-0000-4000-8000-00000000a11e",
  role: "agency_owner",
  canManage: true,
});

export type CallOptions = { caller?: PluginCaller };

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
  /**
   * Calls a procedure as `tenant` (the host sets ctx.tenant; the plugin cannot choose it),
   * by default as a managing member ({@link DEFAULT_CALLER}); pass `{ caller }` to be another.
   */
  call<T = unknown>(
    tenant: string,
    procedure: string,
    input?: unknown,
    options?: CallOptions,
  ): Promise<T>;
  /**
   * Calls as a paired screen, like `POST /api/devices/invoke`: refused unless the procedure
   * is in `capabilities.devices.procedures` and the device is active (not revoked).
   */
  callAsDevice<T = unknown>(deviceId: string, procedure: string, input?: unknown): Promise<T>;
  /** Screens: a code a screen shows (claim it with ctx.devices.claim), expiry, the list. */
  readonly devices: {
    pairingCode(): string;
    expireCode(code: string): void;
    list(tenant: string): Promise<PluginDevice[]>;
  };
  /**
   * `ctx.payments` runs against an in-memory provider with Stripe's and Paystack's money rules
   * (see createFakePayments). The test plays the buyer and the webhooks.
   */
  readonly payments: {
    /** New accounts are ready; `false` makes one refuse charges/payouts (unfinished onboarding). */
    setOnboarded(accountId: string, onboarded: boolean): void;
    /**
     * The buyer pays a checkout (at `opts.at`, default now; an expired Stripe checkout throws);
     * delivers `payments.succeeded` if the plugin subscribes.
     */
    pay(checkoutId: string, opts?: { at?: Date }): Promise<PaymentSucceededEvent>;
    /** Delivers `payments.refunded` for every refund made since the last call. */
    deliverRefunds(): Promise<PaymentRefundedEvent[]>;
    /** A destination's balance (minor units): payments less reversals and payouts. */
    balance(destination: string, currency: string): number;
    readonly refunds: readonly FakeRefund[];
    readonly payouts: readonly FakePayout[];
  };
  /** Uploads a file (bytes or a path) for `tenant` exactly as the upload route would. */
  upload(tenant: string, file: Uint8Array | string): Promise<StoredObject>;
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
  const subscribes = (type: string) =>
    manifest.capabilities.events?.subscribe?.includes(type) === true;
  return {
    manifest,
    recorded: host.recorded,
    call: (tenant, procedure, input, options) =>
      host.invoke(tenant, "procedure", procedure, input, options?.caller ?? DEFAULT_CALLER),
    async callAsDevice(deviceId, procedure, input) {
      if (!manifest.capabilities.devices?.procedures.includes(procedure))
        throw new Error(
          `403: '${procedure}' is not in ${manifest.id}'s capabilities.devices.procedures`,
        );
      const tenantId = host.devices.tenantOf(deviceId);
      if (!tenantId) throw new Error("401: Unknown device token");
      try {
        host.devices.assertActive(tenantId, deviceId);
      } catch {
        throw new Error("401: This screen was removed from its workspace");
      }
      return host.invoke(host.tenants.label(tenantId), "procedure", procedure, input, {
        kind: "device",
        deviceId,
      });
    },
    devices: {
      pairingCode: () => host.devices.pairingCode(),
      expireCode: (code) => host.devices.expireCode(code),
      list: (tenant) =>
        host.devices.sinks.listDevices({
          tenantId: host.tenants.id(tenant),
          pluginId: manifest.id,
        }),
    },
    payments: {
      setOnboarded: (accountId, onboarded) => host.payments.setOnboarded(accountId, onboarded),
      async pay(checkoutId, opts) {
        const { tenantId, event } = host.payments.pay(checkoutId, opts?.at?.getTime());
        if (subscribes("payments.succeeded"))
          await host.invoke(host.tenants.label(tenantId), "event", "payments.succeeded", event);
        return event;
      },
      async deliverRefunds() {
        const delivered = host.payments.takeRefundEvents();
        for (const { tenantId, event } of delivered)
          if (subscribes("payments.refunded"))
            await host.invoke(host.tenants.label(tenantId), "event", "payments.refunded", event);
        return delivered.map((d) => d.event);
      },
      balance: (destination, currency) => host.payments.balance(destination, currency),
      refunds: host.payments.refunds,
      payouts: host.payments.payouts,
    },
    upload: (tenant, file) =>
      uploadLikeTheRoute(manifest, host.storage, host.tenants.id(tenant), file),
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
