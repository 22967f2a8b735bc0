import {
  createHostApi,
  createPluginHostPool,
  type HostApiHandler,
  type LookupAll,
  type PluginHostPool,
  type PluginHostPoolOptions,
} from "@omnify/plugin-host";
import type { BridgeFetchArgs, BridgeFetchResult } from "../bridge.ts";
import type { PluginCaller } from "../context.ts";
import { HostApiError } from "../runtime/host-api-error.ts";
import { type LocalPluginDatabase, openPluginDatabase } from "./database.ts";
import { createFakeDevices } from "./fake-devices.ts";
import { createFakePayments, recordPayments } from "./fake-payments.ts";
import { createTempStorage } from "./fake-storage.ts";
import { type LoadedPlugin, loadPlugin } from "./load-plugin.ts";
import { createRecorder, type OnRecord, type RecordedFetch } from "./recorder.ts";
import { TenantMap } from "./tenants.ts";
import { routeUpstreams, type UpstreamMap } from "./upstreams.ts";

export type Settings = Record<string, unknown>;
export type SecretSource =
  | Record<string, string>
  | ((tenantId: string, name: string) => string | undefined);

export type LocalFetchOptions = {
  /** TEST ONLY: let `ctx.fetch` reach loopback/private addresses (a fake upstream). */
  allowPrivateNetworks?: boolean;
  /** Answer a real API origin from a local fake (implies allowPrivateNetworks). */
  upstreams?: UpstreamMap;
  /** Custom DNS, e.g. to prove a hostname that resolves privately is refused. */
  lookup?: LookupAll;
};

export type LocalHostOptions = {
  dir: string;
  /** Settings every tenant starts with (parsed by the plugin's schema on each call). */
  settings?: Settings;
  /** Secret values by name (or per tenant); only the host ever sees them. */
  secrets?: SecretSource;
  fetch?: LocalFetchOptions;
  /** Superuser URL of a database with the core migrations; needed if the plugin declares db. */
  databaseAdminUrl?: () => Promise<string>;
  onRecord?: OnRecord;
  pool?: Omit<PluginHostPoolOptions, "hostApi">;
};

const noDatabase = (): never => {
  throw new HostApiError("not_available", "db is not available on this host");
};

export type InvocationKind = "procedure" | "event" | "job";

/**
 * The production sandbox and host API for one plugin folder, with in-memory sinks and a real
 * plugin database. Shared by `runPlugin()` (tests) and `omnify-plugin dev`.
 */
export async function startLocalHost(opts: LocalHostOptions) {
  let plugin: LoadedPlugin = await loadPlugin(opts.dir);
  const tenants = new TenantMap();
  const recorder = createRecorder(tenants, opts.onRecord);
  const settings = new Map<string, Settings>();
  let db: LocalPluginDatabase | undefined;
  const openDb = async (p: LoadedPlugin) => {
    if (!opts.databaseAdminUrl) throw new Error("this plugin declares db: pass a database");
    return openPluginDatabase({
      adminUrl: await opts.databaseAdminUrl(),
      pluginId: p.manifest.id,
      migrations: p.migrations,
    });
  };
  if (plugin.manifest.capabilities.db) db = await openDb(plugin);
  const secrets = opts.secrets ?? {};
  const getSecret = async (tenantId: string, _pluginId: string, name: string) =>
    typeof secrets === "function" ? secrets(tenants.label(tenantId), name) : secrets[name];
  const f = opts.fetch ?? {};
  const allowPrivate = f.allowPrivateNetworks === true || f.upstreams !== undefined;
  const devices = createFakeDevices();
  const storage = await createTempStorage();
  const payments = createFakePayments();
  let hostApi: HostApiHandler = createHostApi({
    sinks: {
      ...recorder.sinks,
      ...devices.sinks,
      ...storage.sinks,
      payments: recordPayments(payments.sink, (e) =>
        recorder.push("payments", { ...e, tenantId: tenants.label(e.tenantId) }),
      ),
      publishRealtime: async (m) => {
        if (m.deviceId) devices.assertActive(m.tenantId, m.deviceId);
        await recorder.sinks.publishRealtime(m);
      },
      // Resolved per call: the dev host may open the database when a rebuild first declares it.
      query: (q) => (db ? db.query(q) : noDatabase()),
    },
    getSecret,
    fetch: {
      ...(f.lookup ? { lookup: f.lookup } : {}),
      ...(allowPrivate ? { dangerouslyAllowPrivateNetworksForTests: true } : {}),
    },
    environment: "test",
  });
  if (f.upstreams) hostApi = routeUpstreams(hostApi, f.upstreams);
  hostApi = recordFetches(hostApi, tenants, (e) => recorder.push("fetches", e));
  const pool: PluginHostPool = createPluginHostPool({
    processes: 1,
    ...opts.pool,
    hostApi,
    onHostApiError: (error, ctx, method) =>
      console.error(`[omnify-plugin] host API '${method}' failed for ${ctx.pluginId}:`, error),
  });

  return {
    tenants,
    devices,
    storage,
    payments,
    recorded: recorder.recorded,
    clearRecorded: recorder.clear,
    pool,
    get plugin() {
      return plugin;
    },
    setSettings(tenant: string, value: Settings) {
      settings.set(tenant, value);
    },
    invoke<T = unknown>(
      tenant: string,
      kind: InvocationKind,
      name: string,
      input?: unknown,
      caller: PluginCaller = { kind: "system" },
    ) {
      return pool.invoke<T>({
        caller,
        tenantId: tenants.id(tenant),
        pluginId: plugin.manifest.id,
        version: plugin.manifest.version,
        bundle: plugin.bundle,
        kind,
        name,
        input: input ?? null,
        settings: settings.get(tenant) ?? opts.settings ?? {},
      });
    },
    /** Rebuilds from disk and applies new migrations; the next call runs the new code. */
    async reload(): Promise<LoadedPlugin> {
      const next = await loadPlugin(opts.dir);
      if (next.manifest.id !== plugin.manifest.id)
        throw new Error(`the plugin id changed (${plugin.manifest.id} → ${next.manifest.id})`);
      if (db) await db.migrate(next.migrations);
      else if (next.manifest.capabilities.db) db = await openDb(next);
      plugin = next;
      return plugin;
    },
    async close() {
      await pool.close();
      await db?.close();
      await storage.close();
    },
  };
}
export type LocalHost = Awaited<ReturnType<typeof startLocalHost>>;

function recordFetches(
  inner: HostApiHandler,
  tenants: TenantMap,
  record: (e: RecordedFetch) => void,
): HostApiHandler {
  return async (ctx, method, args) => {
    if (method !== "fetch") return inner(ctx, method, args);
    const a = (args ?? {}) as Partial<BridgeFetchArgs>;
    const entry: RecordedFetch = {
      tenantId: tenants.label(ctx.tenantId),
      method: String(a.method ?? "GET"),
      url: String(a.url),
    };
    if (a.auth?.secret) entry.secret = a.auth.secret;
    try {
      const result = (await inner(ctx, method, args)) as BridgeFetchResult;
      entry.status = result.status;
      return result;
    } catch (e) {
      const err = e as { code?: string; message?: string };
      entry.error = `${err.code ?? "error"}: ${err.message ?? String(e)}`;
      throw e;
    } finally {
      record(entry);
    }
  };
}
