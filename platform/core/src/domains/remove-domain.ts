import { type AppDatabase, eq, tenantDomains } from "@omnify/db";
import { DomainError } from "../errors";
import { clearTenantCache } from "../tenancy/resolve-tenant";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { assertAgency } from "./add-domain";

/**
 * Deletes a custom domain; it stops routing at once. The host cache is cleared in this
 * process (other processes' entries expire within the cache's few-second TTL).
 */
export async function removeDomain(
  db: AppDatabase,
  input: { tenant: ResolvedTenant; id: string },
): Promise<{ hostname: string }> {
  assertAgency(input.tenant);
  const removed = await db.withTenant(input.tenant.id, (tx) =>
    tx
      .delete(tenantDomains)
      .where(eq(tenantDomains.id, input.id))
      .returning({ hostname: tenantDomains.hostname }),
  );
  const row = removed[0];
  if (!row) throw new DomainError("NOT_FOUND", "No such domain", "id");
  clearTenantCache(db);
  return row;
}
