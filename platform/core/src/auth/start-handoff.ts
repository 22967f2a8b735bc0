import { type AppDatabase, and, eq, tenants } from "@omnify/db";
import type { RequestMeta } from "../audit/record";
import type { CoreConfig } from "../env";
import { DomainError } from "../errors";
import { resolveTenantByHost } from "../tenancy/resolve-tenant";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { findEffectiveRole } from "./effective-role";
import { createHandoffToken } from "./handoff";

export type StartHandoffInput = {
  /** The agency the user is signed in to (from host resolution). */
  agency: ResolvedTenant;
  subaccountId: string;
  userId: string;
  config: Pick<CoreConfig, "platformHost" | "publicScheme" | "publicPort">;
  request?: RequestMeta | null;
};

/**
 * Lets an agency user open one of the agency's sub-accounts: checks their access there and
 * returns the sub-account's `/handoff` URL carrying a one-time token for its host.
 */
export async function startSubaccountHandoff(
  db: AppDatabase,
  input: StartHandoffInput,
): Promise<{ url: string }> {
  const { agency, userId } = input;
  const [sub] = await db.withTenant(agency.id, (tx) =>
    tx
      .select({ slug: tenants.slug })
      .from(tenants)
      .where(and(eq(tenants.id, input.subaccountId), eq(tenants.parentId, agency.id))),
  );
  if (!sub) throw new DomainError("NOT_FOUND", "No such sub-account", "subaccountId");

  // Resolve through the same routing a browser would hit, so the URL is one that works.
  const target = await resolveTenantByHost(db, `${sub.slug}.${agency.host}`, input.config);
  if (target?.id !== input.subaccountId) {
    throw new DomainError("NOT_FOUND", "This sub-account has no reachable address", "subaccountId");
  }
  if (!(await findEffectiveRole(db, target, userId))) {
    throw new DomainError("FORBIDDEN", "You have no access to this sub-account", "subaccountId");
  }
  const { token } = await createHandoffToken(db, {
    targetTenantId: target.id,
    userId,
    audit: {
      tenantId: agency.id,
      entry: {
        action: "subaccount.handoff",
        actor: { userId },
        target: { type: "tenant", id: target.id },
        request: input.request,
        metadata: { subaccount: sub.slug },
      },
    },
  });
  const query = new URLSearchParams({ token, callbackUrl: "/" });
  return { url: `${target.origin}/handoff?${query}` };
}
