import { emitTenantEvent } from "@omnify/core/plugins/emit-event";
import { eq, or, type Tx, tenants } from "@omnify/db";
import type { TenantDefinition } from "../schema";
import { actAs, findAgencyId, lockSync } from "./context";
import { type Domain, syncDomains } from "./domains";
import { type Member, syncMembers } from "./members";
import type { SyncPlan } from "./plan";
import { syncPlugins } from "./plugins";
import { syncTenantRow, type TenantRow } from "./tenant-row";

/** One tenant row and what its own context must hold. */
type Target = {
  id: string;
  created: boolean;
  changes: string[];
  label: string;
  plugins: readonly string[];
  members: readonly Member[];
  domains: readonly Domain[];
};

/** What happened to one tenant; `label` is `agency` or `agency/sub`. */
export type TenantOutcome = { label: string; created: boolean; changes: string[] };

/**
 * Applies one agency file inside the agency's transaction: the rows first (in the agency's
 * context, which RLS lets see and write its sub-accounts), then each tenant's plugins and
 * members in that tenant's own context. Any failure rolls the whole agency back.
 */
export async function applyAgency(
  tx: Tx,
  def: TenantDefinition,
  planned: { id: string; exists: boolean },
  plan: SyncPlan,
): Promise<TenantOutcome[]> {
  await lockSync(tx);
  const current = await findAgencyId(tx, def.slug);
  if (current !== (planned.exists ? planned.id : undefined)) {
    throw new Error(`agency "${def.slug}" changed while syncing; run the sync again`);
  }
  const rows = await tx
    .select()
    .from(tenants)
    .where(or(eq(tenants.id, planned.id), eq(tenants.parentId, planned.id)));
  const bySlug = new Map<string, TenantRow>(
    rows.filter((r) => r.parentId !== null).map((r) => [r.slug, r]),
  );

  const agencyRow = await syncTenantRow(
    tx,
    rows.find((r) => r.id === planned.id),
    {
      id: planned.id,
      kind: "agency",
      parentId: null,
      slug: def.slug,
      name: def.name,
      themeId: def.theme,
      plan: def.plan,
      // Only a declared brand is managed: otherwise a sync would wipe what the agency set
      // in the brand editor (logo, colours) on every start.
      ...(def.brand ? { brand: def.brand } : {}),
    },
  );
  const targets: Target[] = [
    {
      ...agencyRow,
      label: def.slug,
      plugins: def.plugins,
      members: def.members,
      domains: def.domains,
    },
  ];
  for (const sub of def.subaccounts) {
    const subRow = await syncTenantRow(tx, bySlug.get(sub.slug), {
      kind: "subaccount",
      parentId: planned.id,
      slug: sub.slug,
      name: sub.name,
      themeId: sub.theme ?? def.theme,
      plan: sub.plan ?? def.plan,
    });
    const label = `${def.slug}/${sub.slug}`;
    targets.push({
      ...subRow,
      label,
      plugins: sub.plugins ?? [],
      members: sub.members,
      domains: [],
    });
  }

  const outcomes: TenantOutcome[] = [];
  for (const target of targets) {
    await actAs(tx, target.id);
    const changes = [
      ...target.changes,
      ...(await syncDomains(tx, target.id, target.domains)),
      ...(await syncPlugins(tx, target.id, target.plugins)),
      ...(await syncMembers(tx, target.id, target.members, plan.newUserHashes)),
    ];
    // In the same transaction: browsers and subscribed plugins hear of it only if it commits.
    if (target.created)
      await emitTenantEvent(tx, "tenant.created", { tenantId: target.id, label: target.label });
    outcomes.push({ label: target.label, created: target.created, changes });
  }
  return outcomes;
}
