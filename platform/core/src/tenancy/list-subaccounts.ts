import { and, asc, eq, inArray, type Tx, tenants } from "@omnify/db";
import type { CoreConfig } from "../env";
import { DomainError } from "../errors";
import { buildOrigin } from "./build-origin";
import type { ResolvedTenant } from "./resolved-tenant";

export type SubaccountSummary = {
  id: string;
  slug: string;
  name: string;
  themeId: string;
  /** Where the sub-account's portal lives: `<sub>.<agency host>`, on the agency's own host. */
  portalUrl: string;
};

/**
 * The agency's sub-accounts. `tx` must be a withTenant transaction of that agency.
 * `restrictedTo` (a restricted member's assignments, from the actor) narrows the list.
 */
export async function listSubaccounts(
  tx: Tx,
  agency: ResolvedTenant,
  config: Pick<CoreConfig, "publicScheme" | "publicPort">,
  restrictedTo: readonly string[] | null = null,
): Promise<SubaccountSummary[]> {
  if (agency.kind !== "agency") {
    throw new DomainError("FORBIDDEN", "Only an agency has sub-accounts");
  }
  const rows = await tx
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, themeId: tenants.themeId })
    .from(tenants)
    .where(
      and(
        eq(tenants.parentId, agency.id),
        eq(tenants.kind, "subaccount"),
        restrictedTo ? inArray(tenants.id, [...restrictedTo]) : undefined,
      ),
    )
    .orderBy(asc(tenants.name), asc(tenants.slug));
  return rows.map((r) => ({ ...r, portalUrl: buildOrigin(`${r.slug}.${agency.host}`, config) }));
}
