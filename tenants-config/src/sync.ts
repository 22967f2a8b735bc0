import type { AppDatabase } from "@omnify/db";
import type { TenantInput } from "./schema";
import { applyAgency } from "./sync/agency";
import { planSync, type SyncOptions } from "./sync/plan";
import { validateTenants } from "./validate";

export type { SyncOptions } from "./sync/plan";

/** Tenant labels (`agency` or `agency/sub`) by outcome, plus one line per change made. */
export type SyncReport = {
  created: string[];
  updated: string[];
  unchanged: string[];
  changes: string[];
};

function sourceLabel(value: TenantInput, index: number): string {
  return typeof value?.slug === "string" ? `agency "${value.slug}"` : `definition #${index}`;
}

/**
 * Applies tenant definitions as the app role, one transaction per agency (with its
 * sub-accounts). Validates everything and plans against the database before the first
 * write; a second run with the same definitions reports everything unchanged and writes
 * nothing. Never deletes tenants or memberships; see the README for what it owns.
 */
export async function syncTenants(
  db: AppDatabase,
  defs: readonly TenantInput[],
  opts: SyncOptions = {},
): Promise<SyncReport> {
  const valid = validateTenants(defs.map((value, i) => ({ file: sourceLabel(value, i), value })));
  const plan = await planSync(db, valid, opts);
  const report: SyncReport = { created: [], updated: [], unchanged: [], changes: [] };
  for (const def of valid) {
    const planned = plan.agencies.get(def.slug);
    if (!planned) throw new Error(`no plan for agency "${def.slug}"`);
    const outcomes = await db.withTenant(planned.id, (tx) => applyAgency(tx, def, planned, plan));
    for (const { label, created, changes } of outcomes) {
      if (created) report.created.push(label);
      else if (changes.length > 0) report.updated.push(label);
      else report.unchanged.push(label);
      report.changes.push(...changes.map((change) => `${label}: ${change}`));
    }
  }
  return report;
}
