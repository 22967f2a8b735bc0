import { type AppDatabase, eq, tenantDomains } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
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
  input: { tenant: ResolvedTenant; id: string; actorUserId: string; request?: RequestMeta },
): Promise<{ hostname: string }> {
  assertAgency(input.tenant);
  const row = await db.withTenant(input.tenant.id, async (tx) => {
    const [removed] = await tx
      .delete(tenantDomains)
      .where(eq(tenantDomains.id, input.id))
      .returning({ hostname: tenantDomains.hostname });
    if (!removed) throw new DomainError("NOT_FOUND", "No such domain", "id");
    await recordAudit(tx, {
      action: "domain.removed",
      actor: { userId: input.actorUserId },
      target: { type: "domain", id: input.id },
      request: input.request,
      metadata: { hostname: removed.hostname },
    });
    return removed;
  });
  clearTenantCache(db);
  return row;
}
