import { HostApiError } from "@omnify/plugin-sdk";
import type { HostApiHandler, HostCallContext } from "../pool/options.ts";
import { argSchemas, type HostMethod, parseArgs } from "./args.ts";
import { type FetchOptions, type GetSecret, hostFetch } from "./fetch.ts";
import { createPluginLogger, type LogLimits, stderrLog } from "./log.ts";
import { paymentMethods } from "./payments.ts";
import type { HostSinks } from "./sinks.ts";

export type CreateHostApiOptions = {
  sinks?: Partial<HostSinks>;
  /** Looks up a named secret of an installation; its value never enters the sandbox. */
  getSecret?: GetSecret;
  fetch?: FetchOptions;
  log?: LogLimits;
  /**
   * The app's environment (from its env.ts). Safe by default: test-only options are refused
   * unless this is 'test'.
   */
  environment?: "production" | "development" | "test";
};

const undeclared = (what: string, name: string, where: string) =>
  new HostApiError("capability", `${what} '${name}' is not declared in ${where}`);
const unavailable = (what: string) =>
  new HostApiError("not_available", `${what} is not available on this host`);

/** The invocation's tenant and plugin, once the capability is known to be declared. */
function origin(ctx: HostCallContext, capability: "devices" | "storage") {
  if (!ctx.manifest.capabilities[capability])
    throw new HostApiError("capability", `capabilities.${capability} is not declared`);
  return { tenantId: ctx.tenantId, pluginId: ctx.pluginId };
}

function need<T>(sink: T | undefined, what: string): T {
  if (!sink) throw unavailable(what);
  return sink;
}

/**
 * The standard host API: `hostApi` for createPluginHostPool. Each method re-validates its
 * arguments and checks the caller's manifest before it reaches a sink.
 */
export function createHostApi(options: CreateHostApiOptions = {}): HostApiHandler {
  if (options.fetch?.dangerouslyAllowPrivateNetworksForTests && options.environment !== "test") {
    throw new Error(
      "dangerouslyAllowPrivateNetworksForTests is only allowed with environment: 'test'",
    );
  }
  const sinks = options.sinks ?? {};
  const log = createPluginLogger(sinks.log ?? stderrLog, options.log);

  const methods: {
    [M in HostMethod]: (
      ctx: HostCallContext,
      args: ReturnType<typeof parseArgs<M>>,
    ) => Promise<unknown>;
  } = {
    log: async (ctx, a) => {
      log({ ...a, tenantId: ctx.tenantId, pluginId: ctx.pluginId, version: ctx.version });
      return null;
    },
    fetch: (ctx, a) => {
      if (!ctx.manifest.capabilities.http)
        throw new HostApiError("capability", "capabilities.http is not declared");
      return hostFetch(ctx, a, options.getSecret, options.fetch ?? {});
    },
    ...paymentMethods(sinks.payments),
    "events.emit": async (ctx, a) => {
      if (!ctx.manifest.capabilities.events?.emit?.includes(a.type))
        throw undeclared("event", a.type, "capabilities.events.emit");
      await need(
        sinks.emitEvent,
        "events.emit",
      )({ tenantId: ctx.tenantId, pluginId: ctx.pluginId, ...a });
      return null;
    },
    "realtime.publish": async (ctx, a) => {
      if (!ctx.manifest.capabilities.realtime?.channels.includes(a.channel)) {
        throw undeclared("realtime channel", a.channel, "capabilities.realtime.channels");
      }
      await need(
        sinks.publishRealtime,
        "realtime.publish",
      )({ tenantId: ctx.tenantId, pluginId: ctx.pluginId, ...a });
      return null;
    },
    "devices.claim": (ctx, a) =>
      need(sinks.claimDevice, "devices")({ ...origin(ctx, "devices"), ...a }),
    "devices.revoke": async (ctx, a) => {
      await need(sinks.revokeDevice, "devices")({ ...origin(ctx, "devices"), ...a });
      return null;
    },
    "devices.list": (ctx) => need(sinks.listDevices, "devices")(origin(ctx, "devices")),
    "storage.stat": (ctx, a) =>
      need(sinks.statObject, "storage")({ ...origin(ctx, "storage"), ...a }),
    "storage.url": async (ctx, a) => ({
      url: await need(sinks.objectUrl, "storage")({ ...origin(ctx, "storage"), ...a }),
    }),
    "storage.put": (ctx, a) => {
      const o = origin(ctx, "storage");
      const storage = ctx.manifest.capabilities.storage;
      if (!storage?.accept.includes(a.contentType))
        throw undeclared("content type", a.contentType, "capabilities.storage.accept");
      const bytes = Buffer.from(a.base64, "base64");
      if (bytes.length > storage.maxObjectMb * 1024 * 1024)
        throw new HostApiError(
          "too_large",
          `object exceeds capabilities.storage.maxObjectMb (${storage.maxObjectMb} MB)`,
        );
      return need(
        sinks.putObject,
        "storage",
      )({ ...o, key: a.key, contentType: a.contentType, bytes });
    },
    "storage.delete": async (ctx, a) => {
      await need(sinks.deleteObject, "storage")({ ...origin(ctx, "storage"), ...a });
      return null;
    },
    meter: async (ctx, a) => {
      const meter = ctx.manifest.capabilities.meters?.find((m) => m.name === a.name);
      if (!meter) throw undeclared("meter", a.name, "capabilities.meters");
      const record = {
        tenantId: ctx.tenantId,
        pluginId: ctx.pluginId,
        ...a,
        aggregation: meter.aggregation,
      };
      await need(sinks.recordMeter, "meter")(meter.unit ? { ...record, unit: meter.unit } : record);
      return null;
    },
    "jobs.enqueue": (ctx, a) => {
      if (!ctx.manifest.handlers.jobs.includes(a.jobId))
        throw undeclared("job", a.jobId, "server.jobs");
      return need(
        sinks.enqueueJob,
        "jobs.enqueue",
      )({
        tenantId: ctx.tenantId,
        pluginId: ctx.pluginId,
        jobId: a.jobId,
        payload: a.payload,
        options: a.options ?? {},
      });
    },
    "db.query": (ctx, a) => {
      const query = need(sinks.query, "db");
      if (!ctx.manifest.capabilities.db)
        throw new HostApiError("capability", "capabilities.db is not declared");
      return query({ tenantId: ctx.tenantId, pluginId: ctx.pluginId, version: ctx.version, ...a });
    },
  };

  return async (ctx, method, args) => {
    if (!Object.hasOwn(argSchemas, method))
      throw new HostApiError("unknown_method", `unknown host method '${method.slice(0, 64)}'`);
    const m = method as HostMethod;
    return (methods[m] as (c: HostCallContext, a: unknown) => Promise<unknown>)(
      ctx,
      parseArgs(m, args),
    );
  };
}
