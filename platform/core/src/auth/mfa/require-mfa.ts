import { eq, type Tx, tenantSecuritySettings, withinTenant } from "@omnify/db";
import type { ResolvedTenant } from "../../tenancy/resolved-tenant";

async function requiresMfa(tx: Tx, tenantId: string): Promise<boolean> {
  const [row] = await tx
    .select({ requireMfa: tenantSecuritySettings.requireMfa })
    .from(tenantSecuritySettings)
    .where(eq(tenantSecuritySettings.tenantId, tenantId));
  return row?.requireMfa ?? false;
}

/**
 * Whether people signing in on this tenant must have MFA. An agency's requirement covers its
 * sub-accounts too, since agency staff reach them with the same account. `tx` runs in the
 * tenant's context.
 */
export async function isMfaRequired(tx: Tx, tenant: ResolvedTenant): Promise<boolean> {
  if (await requiresMfa(tx, tenant.id)) return true;
  if (tenant.kind !== "subaccount") return false;
  return withinTenant(tx, tenant.agency.id, () => requiresMfa(tx, tenant.agency.id));
}

/** The tenant's own setting (not its agency's), for the settings page. */
export const tenantRequiresMfa = (tx: Tx, tenantId: string) => requiresMfa(tx, tenantId);

/** Sets whether the tenant requires MFA. `tx` runs in the tenant's context. */
export async function setRequireMfa(tx: Tx, tenantId: string, requireMfa: boolean): Promise<void> {
  await tx
    .insert(tenantSecuritySettings)
    .values({ tenantId, requireMfa })
    .onConflictDoUpdate({
      target: tenantSecuritySettings.tenantId,
      set: { requireMfa, updatedAt: new Date() },
    });
}
