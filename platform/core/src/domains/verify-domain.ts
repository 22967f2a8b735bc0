import { type AppDatabase, eq, sql, type Tx, tenantDomains } from "@omnify/db";
import type { CoreConfig } from "../env";
import { DomainError } from "../errors";
import { clearTenantCache } from "../tenancy/resolve-tenant";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { assertAgency } from "./add-domain";
import { checkDomainDns, type DnsVerdict, type DomainResolver } from "./dns-check";
import type { DomainStatus, DomainSummary } from "./domain-types";
import { cnameTarget } from "./hostname-rules";
import { toDomainSummary } from "./list-domains";

type DomainRow = typeof tenantDomains.$inferSelect;

/** Writes a check's outcome; true when the status changed (routing may have changed). */
async function applyVerdict(tx: Tx, row: DomainRow, verdict: DnsVerdict) {
  const [updated] = await tx
    .update(tenantDomains)
    .set({
      status: verdict.status,
      statusReason: verdict.reason,
      checkedAt: sql`now()`,
      verifiedAt: verdict.status === "verified" ? (row.verifiedAt ?? sql`now()`) : row.verifiedAt,
    })
    .where(eq(tenantDomains.id, row.id))
    .returning();
  return { updated: updated ?? row, changed: verdict.status !== row.status };
}

/**
 * Checks one domain's DNS now ("Verify" on the settings page). The lookup runs between two
 * short transactions, so no pooled connection waits on DNS.
 */
export async function verifyDomain(
  db: AppDatabase,
  input: {
    tenant: ResolvedTenant;
    id: string;
    resolver: DomainResolver;
    config: Pick<CoreConfig, "platformHost">;
  },
): Promise<DomainSummary> {
  assertAgency(input.tenant);
  const read = (tx: Tx) =>
    tx.select().from(tenantDomains).where(eq(tenantDomains.id, input.id)).limit(1);
  const [row] = await db.withTenant(input.tenant.id, read);
  if (!row) throw new DomainError("NOT_FOUND", "No such domain", "id");
  const verdict = await checkDomainDns(
    input.resolver,
    { hostname: row.hostname, token: row.verificationToken, status: row.status as DomainStatus },
    cnameTarget(input.config),
  );
  const { updated, changed } = await db.withTenant(input.tenant.id, async (tx) => {
    const [current] = await read(tx);
    // Removed while DNS was being asked: nothing to update.
    if (!current) throw new DomainError("NOT_FOUND", "No such domain", "id");
    return applyVerdict(tx, current, verdict);
  });
  if (changed) clearTenantCache(db);
  return toDomainSummary(updated, input.config);
}

export type ReverifySummary = { checked: number; verified: number; misconfigured: number };

/**
 * The cron's pass over every custom domain: pending ones may become verified, verified ones
 * that drifted become misconfigured, and fixed ones recover. Tenants come from
 * app.domain_tenant_ids() (ids only); each is then read through its own RLS context.
 */
export async function reverifyAllDomains(
  db: AppDatabase,
  resolver: DomainResolver,
  config: Pick<CoreConfig, "platformHost">,
): Promise<ReverifySummary> {
  const tenants = await db.withoutTenant((tx) =>
    tx.execute<{ tenant_id: string }>(sql`select tenant_id from app.domain_tenant_ids()`),
  );
  const summary: ReverifySummary = { checked: 0, verified: 0, misconfigured: 0 };
  let anyChanged = false;
  for (const { tenant_id: tenantId } of tenants) {
    const rows = await db.withTenant(tenantId, (tx) => tx.select().from(tenantDomains));
    for (const row of rows) {
      const verdict = await checkDomainDns(
        resolver,
        {
          hostname: row.hostname,
          token: row.verificationToken,
          status: row.status as DomainStatus,
        },
        cnameTarget(config),
      );
      const { changed } = await db.withTenant(tenantId, async (tx) => {
        const [current] = await tx
          .select()
          .from(tenantDomains)
          .where(eq(tenantDomains.id, row.id))
          .limit(1);
        return current ? applyVerdict(tx, current, verdict) : { changed: false };
      });
      anyChanged ||= changed;
      summary.checked += 1;
      if (verdict.status === "verified") summary.verified += 1;
      if (verdict.status === "misconfigured") summary.misconfigured += 1;
    }
  }
  if (anyChanged) clearTenantCache(db);
  return summary;
}
