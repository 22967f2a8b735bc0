import { authenticateDevice, DomainError, signDeviceRealtimeToken } from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import type { PluginRuntimeClient } from "@omnify/plugin-runtime/client";
import { z } from "zod";
import { installedManifest } from "./installed-manifest";
import { domainFailure, errorJson, json } from "./json-response";

export type DeviceHandlerDeps = {
  db: AppDatabase;
  pluginRuntime?: PluginRuntimeClient | undefined;
  /** OMNIFY_SECRET: realtime tokens are HMAC-signed with it. */
  realtimeSecret: string;
  /** The gateway as the screen reaches it. */
  realtimeUrl: string;
  /** Device realtime token lifetime; the client fetches a fresh one on every reconnect. */
  realtimeTtlSeconds?: number;
};

const invokeBody = z.object({
  pluginId: z.string().min(1).max(64),
  procedure: z.string().min(1).max(200),
  input: z.unknown().optional(),
});

type DeviceMeta = { ip: string | null };

/** The device a bearer token names; UNAUTHORIZED (401) with core's message otherwise. */
async function deviceOf(db: AppDatabase, req: Request, meta: DeviceMeta) {
  const header = req.headers.get("authorization") ?? "";
  const token = /^Bearer (\S+)$/.exec(header)?.[1];
  if (!token) throw new DomainError("UNAUTHORIZED", "Send the screen's device token", "token");
  return authenticateDevice(db, token, {
    ip: meta.ip,
    appVersion: req.headers.get("x-omnify-app-version"),
  });
}

const RUNTIME_STATUS: Record<string, number> = {
  not_enabled: 404,
  plugin_error: 400,
  bad_request: 400,
  timeout: 504,
  result_too_large: 413,
};

/**
 * What a paired screen calls with `Authorization: Bearer <device token>`:
 * `POST /api/devices/invoke` runs a procedure the plugin lists in
 * `capabilities.devices.procedures`, as `ctx.caller = { kind: "device", deviceId }`;
 * `POST /api/devices/realtime-token` mints a socket token for the room `device:<id>`.
 */
export function createDeviceHandlers(deps: DeviceHandlerDeps) {
  return {
    async invoke(req: Request, meta: DeviceMeta = { ip: null }): Promise<Response> {
      try {
        const { tenantId, deviceId } = await deviceOf(deps.db, req, meta);
        const parsed = invokeBody.safeParse(await req.json().catch(() => null));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return errorJson(
            400,
            "BAD_INPUT",
            issue?.message ?? "bad request",
            String(issue?.path[0] ?? ""),
          );
        }
        const { pluginId, procedure, input } = parsed.data;
        const manifest = await installedManifest(deps.db, tenantId, pluginId);
        if (!manifest.capabilities.devices?.procedures.includes(procedure))
          return errorJson(
            403,
            "FORBIDDEN",
            `Screens may not call '${procedure}' (not in ${pluginId}'s capabilities.devices.procedures)`,
            "procedure",
          );
        if (!deps.pluginRuntime) return errorJson(503, "UNAVAILABLE", "Plugins are not running");
        const result = await deps.pluginRuntime.invoke({
          tenantId,
          pluginId,
          kind: "procedure",
          name: procedure,
          input: input ?? null,
          caller: { kind: "device", deviceId },
        });
        if (result.ok) return json(200, result.value);
        const { code, message } = result.error;
        const own = code === "plugin_error" || code === "not_enabled";
        return errorJson(
          RUNTIME_STATUS[code] ?? 500,
          code,
          own ? message : `Plugin call failed (${code})`,
        );
      } catch (error) {
        return domainFailure(error);
      }
    },
    async realtimeToken(req: Request, meta: DeviceMeta = { ip: null }): Promise<Response> {
      try {
        const { tenantId, deviceId } = await deviceOf(deps.db, req, meta);
        const token = signDeviceRealtimeToken(
          { tenantId, deviceId },
          deps.realtimeSecret,
          deps.realtimeTtlSeconds ?? 300,
        );
        return json(200, { token, url: deps.realtimeUrl, serverTime: Date.now() });
      } catch (error) {
        return domainFailure(error);
      }
    },
  };
}
