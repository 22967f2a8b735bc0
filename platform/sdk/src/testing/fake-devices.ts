import { randomInt, randomUUID } from "node:crypto";
import type { HostSinks } from "@omnify/plugin-host";
import type { PluginDevice } from "../context.ts";
import { HostApiError } from "../runtime/host-api-error.ts";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
// The same refusals as core's claimDevice/revokeDevice, field first (see the runtime's sinks).
const CLAIM_ERRORS = {
  unknown: "code: No screen is showing that code; check it and try again",
  expired: "code: That code has expired; restart pairing on the screen for a new one",
  used: "code: That code was already used; restart pairing on the screen for a new one",
};
const invalid = (message: string) => new HostApiError("invalid_input", message);
const noDevice = () => new HostApiError("not_found", "deviceId: No active screen with that id");

type Device = PluginDevice & { tenantId: string };
type Pairing = { status: "pending" | "expired" | "used" };

/**
 * An in-memory stand-in for core's screen pairing, with core's rules and messages: a code
 * pairs once, an expired or used code is refused naming field "code", a revoked screen stays
 * listed with `revokedAt` and can no longer call. The harness has no core tables.
 */
export function createFakeDevices() {
  const pairings = new Map<string, Pairing>();
  const devices = new Map<string, Device>();
  const active = (tenantId: string, deviceId: string) => {
    const d = devices.get(deviceId);
    if (!d || d.tenantId !== tenantId || d.revokedAt) throw noDevice();
    return d;
  };
  const sinks: Pick<HostSinks, "claimDevice" | "revokeDevice" | "listDevices"> = {
    claimDevice: async ({ tenantId, code, name }) => {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 100)
        throw invalid("name: Give the screen a name of 1 to 100 characters");
      const normal = code.toUpperCase().replace(/[\s-]/g, "");
      const pairing = pairings.get(normal);
      if (!pairing) throw invalid(CLAIM_ERRORS.unknown);
      if (pairing.status !== "pending") throw invalid(CLAIM_ERRORS[pairing.status]);
      pairing.status = "used";
      const id = randomUUID();
      devices.set(id, {
        id,
        tenantId,
        name: trimmed,
        lastSeenAt: null,
        revokedAt: null,
        appVersion: null,
      });
      return { deviceId: id };
    },
    revokeDevice: async ({ tenantId, deviceId }) => {
      active(tenantId, deviceId).revokedAt = new Date().toISOString();
    },
    listDevices: async ({ tenantId }) =>
      [...devices.values()]
        .filter((d) => d.tenantId === tenantId)
        .reverse()
        .map(({ tenantId: _, ...d }) => ({ ...d })),
  };
  return {
    sinks,
    /** Throws unless the device is an active screen of the tenant (publish, device calls). */
    assertActive: active,
    /** The tenant a device was paired with, or undefined. */
    tenantOf: (deviceId: string) => devices.get(deviceId)?.tenantId,
    /** A screen starts pairing: the 8-character code it would show. */
    pairingCode(): string {
      const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
      pairings.set(code, { status: "pending" });
      return code;
    },
    /** The code's ten minutes are up. */
    expireCode(code: string): void {
      const p = pairings.get(code);
      if (p?.status === "pending") p.status = "expired";
    },
  };
}
export type FakeDevices = ReturnType<typeof createFakeDevices>;
