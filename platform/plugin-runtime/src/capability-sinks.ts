import {
  claimDevice,
  DomainError,
  deletePluginObject,
  listDevices,
  type ObjectStorage,
  pluginFileUrl,
  publishDeviceEvent,
  publishTenantEvent,
  putPluginObject,
  revokeDevice,
  statPluginObject,
} from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import type { HostSinks } from "@omnify/plugin-host";
import { HostApiError } from "@omnify/plugin-sdk";

export type CapabilitySinkDeps = {
  db: AppDatabase;
  storage: ObjectStorage;
  omnifySecret: string;
};

/** A refusal a plugin can show: the field first (`code: That code has expired…`). */
async function asInvalidInput<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError)
      throw new HostApiError(
        error.code === "NOT_FOUND" ? "not_found" : "invalid_input",
        error.field ? `${error.field}: ${error.message}` : error.message,
      );
    throw error;
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The audit log's actor for what a plugin does through the host. The member who called the
 * plugin is not passed through the host call today, so the entry names the plugin.
 */
const pluginActor = (pluginId: string) => `plugin ${pluginId}`;

/**
 * Devices, storage and publishing to a device: each acts in the invocation's tenant (from the
 * pool, never from the plugin) inside that tenant's RLS transaction, through core.
 */
export function createCapabilitySinks(
  deps: CapabilitySinkDeps,
): Pick<
  HostSinks,
  | "publishRealtime"
  | "claimDevice"
  | "revokeDevice"
  | "listDevices"
  | "statObject"
  | "objectUrl"
  | "putObject"
  | "deleteObject"
> {
  const { db, storage } = deps;
  return {
    publishRealtime: ({ tenantId, pluginId, channel, payload, deviceId }) =>
      asInvalidInput(
        db.withTenant(tenantId, (tx) =>
          deviceId
            ? publishDeviceEvent(tx, deviceId, `plugin.${pluginId}.${channel}`, { payload })
            : publishTenantEvent(tx, `plugin.${pluginId}.${channel}`, { payload }),
        ),
      ),
    claimDevice: ({ tenantId, pluginId, code, name }) =>
      asInvalidInput(
        db.withTenant(tenantId, async (tx) => {
          const { deviceId } = await claimDevice(tx, {
            tenantId,
            code,
            name,
            actorUserId: null,
            actorLabel: pluginActor(pluginId),
          });
          return { deviceId };
        }),
      ),
    revokeDevice: ({ tenantId, pluginId, deviceId }) =>
      asInvalidInput(
        db.withTenant(tenantId, async (tx) => {
          await revokeDevice(tx, deviceId, {
            actorUserId: null,
            actorLabel: pluginActor(pluginId),
          });
        }),
      ),
    listDevices: async ({ tenantId }) =>
      (await db.withTenant(tenantId, (tx) => listDevices(tx))).map((d) => ({
        id: d.id,
        name: d.name,
        lastSeenAt: iso(d.lastSeenAt),
        revokedAt: iso(d.revokedAt),
        appVersion: d.appVersion,
      })),
    statObject: ({ tenantId, pluginId, key }) =>
      db.withTenant(tenantId, (tx) => statPluginObject(tx, { pluginId, key })),
    objectUrl: async ({ tenantId, pluginId, key }) =>
      pluginFileUrl(deps.omnifySecret, { tenantId, pluginId, key }),
    putObject: ({ tenantId, pluginId, key, bytes, contentType }) =>
      db.withTenant(tenantId, async (tx) => {
        const info = await putPluginObject(tx, storage, {
          tenantId,
          pluginId,
          key,
          bytes,
          contentType,
        });
        return { key: info.key, size: info.size, sha256: info.sha256 };
      }),
    deleteObject: ({ tenantId, pluginId, key }) =>
      db.withTenant(tenantId, (tx) => deletePluginObject(tx, storage, { tenantId, pluginId, key })),
  };
}
