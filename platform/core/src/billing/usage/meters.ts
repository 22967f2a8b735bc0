import type { Tx } from "@omnify/db";
import { badInput } from "../../errors";
import { resolveInvocationTarget } from "../../plugins/resolve-invocation";
import type { LimitKey } from "../plans";

export const aggregations = ["sum", "count", "max", "unique"] as const;
export type Aggregation = (typeof aggregations)[number];

export type MeterDefinition = { name: string; aggregation: Aggregation; unit?: string };

/** Meters core code records under source `core`; each is also a monthly quota. */
export const coreMeters: readonly (MeterDefinition & { quota: LimitKey })[] = [
  { name: "api.calls", aggregation: "count", unit: "calls", quota: "apiCallsPerMonth" },
  { name: "ai.tokens", aggregation: "sum", unit: "tokens", quota: "aiTokensPerMonth" },
  { name: "screen.hours", aggregation: "sum", unit: "hours", quota: "screenHoursPerMonth" },
];

/** The quota a core meter counts against, if any. */
export function quotaForMeter(source: string, meter: string): LimitKey | undefined {
  if (source !== "core") return undefined;
  return coreMeters.find((m) => m.name === meter)?.quota;
}

/** The core meter that counts toward a quota limit. */
export function meterForQuota(limit: LimitKey): string | undefined {
  return coreMeters.find((m) => m.quota === limit)?.name;
}

const isAggregation = (a: string): a is Aggregation =>
  (aggregations as readonly string[]).includes(a);

/**
 * The meters `source` may record for the transaction's tenant: the core list for `core`, the
 * declared `capabilities.meters` of the tenant's enabled installation for `plugin:<id>`.
 */
export async function metersForSource(
  tx: Tx,
  tenantId: string,
  source: string,
  field: string,
): Promise<Map<string, MeterDefinition>> {
  if (source === "core") return new Map(coreMeters.map((m) => [m.name, m]));
  const pluginId = /^plugin:([a-z0-9-]+)$/.exec(source)?.[1];
  if (!pluginId) throw badInput(field, `must be "core" or "plugin:<id>", got "${source}"`);
  const target = await resolveInvocationTarget(tx, tenantId, pluginId);
  const declared = new Map<string, MeterDefinition>();
  for (const m of target.manifest.capabilities.meters ?? []) {
    if (isAggregation(m.aggregation))
      declared.set(m.name, { name: m.name, aggregation: m.aggregation, unit: m.unit });
  }
  return declared;
}
