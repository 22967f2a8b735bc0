import { DomainError, findInstallation, loadVersion, resolveInvocationTarget } from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import {
  createHostApi,
  createPluginHostPool,
  type PluginHostPoolOptions,
  serializeError,
} from "@omnify/plugin-host";
import { z } from "zod";
import { BundleIntegrityError, createBundleCache } from "./bundles";
import type { RuntimeResult } from "./client";
import type { PluginDatabases } from "./plugin-databases";
import { purgePluginData } from "./purge";
import { createSinks, type SinkDeps } from "./sinks";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const callerSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("member"),
    userId: z.string().regex(UUID, "must be a UUID"),
    role: z.string().min(1).max(200),
    canManage: z.boolean(),
  }),
  z.strictObject({ kind: z.literal("device"), deviceId: z.string().regex(UUID, "must be a UUID") }),
  z.strictObject({ kind: z.literal("system") }),
]);
export const invokeSchema = z.object({
  tenantId: z.string().regex(UUID, "must be a UUID"),
  pluginId: z.string().min(1).max(64),
  kind: z.enum(["procedure", "event", "job"]),
  name: z.string().min(1).max(200),
  input: z.unknown().optional(),
  /** `ctx.caller`; the web app and worker set it from what they authenticated. */
  caller: callerSchema.default({ kind: "system" }),
});
export const purgeSchema = invokeSchema.pick({ tenantId: true, pluginId: true });

export type RuntimeServiceOptions = SinkDeps & {
  pluginDbs: PluginDatabases;
  environment: "production" | "development" | "test";
  pool?: Omit<PluginHostPoolOptions, "hostApi">;
};

const fail = (code: string, message: string): RuntimeResult => ({
  ok: false,
  error: { code, message },
});

/**
 * The runtime's behaviour without HTTP: owns the pool and its sinks, and refuses any call
 * for a (tenant, plugin) whose installation is not enabled. It always runs the INSTALLED
 * version's registered bundle, never one a caller names.
 */
export function createRuntimeService(opts: RuntimeServiceOptions) {
  const { sinks, getSecret } = createSinks(opts);
  const pool = createPluginHostPool({
    ...opts.pool,
    hostApi: createHostApi({ sinks, getSecret, environment: opts.environment }),
  });
  const bundleFor = createBundleCache(opts.db);
  const db: AppDatabase = opts.db;

  async function invoke(raw: unknown): Promise<RuntimeResult> {
    const parsed = invokeSchema.safeParse(raw);
    if (!parsed.success)
      return fail("bad_request", parsed.error.issues[0]?.message ?? "bad request");
    const req = parsed.data;
    try {
      const target = await db.withTenant(req.tenantId, (tx) =>
        resolveInvocationTarget(tx, req.tenantId, req.pluginId),
      );
      const bundle = await bundleFor(
        req.tenantId,
        req.pluginId,
        target.version,
        target.serverSha256,
      );
      const value = await pool.invoke({
        tenantId: req.tenantId,
        pluginId: req.pluginId,
        version: target.version,
        bundle,
        kind: req.kind,
        name: req.name,
        input: req.input,
        settings: target.settings,
        caller: req.caller,
      });
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof DomainError && error.code === "NOT_FOUND")
        return fail("not_enabled", error.message);
      if (error instanceof BundleIntegrityError) return fail(error.code, error.message);
      return { ok: false, error: serializeError(error) };
    }
  }

  async function purge(raw: unknown): Promise<RuntimeResult> {
    const parsed = purgeSchema.safeParse(raw);
    if (!parsed.success)
      return fail("bad_request", parsed.error.issues[0]?.message ?? "bad request");
    const { tenantId, pluginId } = parsed.data;
    try {
      // Only plugins that declared a database have a schema (and a login) to purge.
      const usesDb = await db.withTenant(tenantId, async (tx) => {
        const row = await findInstallation(tx, tenantId, pluginId);
        return row
          ? Boolean((await loadVersion(tx, pluginId, row.version)).manifest.capabilities.db)
          : false;
      });
      if (!usesDb) return { ok: true, value: { tables: 0 } };
      const value = await purgePluginData(opts.pluginDbs, tenantId, pluginId);
      return { ok: true, value };
    } catch (error) {
      return fail("purge_failed", error instanceof Error ? error.message : String(error));
    }
  }

  return {
    invoke,
    purge,
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}
export type RuntimeService = ReturnType<typeof createRuntimeService>;
