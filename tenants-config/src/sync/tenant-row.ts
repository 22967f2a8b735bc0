import { randomUUID } from "node:crypto";
import { eq, sql, type TenantKind, type Tx, tenants } from "@omnify/db";

export type TenantRow = typeof tenants.$inferSelect;

/** The tenant row as the config wants it. `brand` undefined: the config does not manage it. */
export type WantedTenant = {
  id?: string;
  kind: TenantKind;
  parentId: string | null;
  slug: string;
  name: string;
  themeId: string;
  plan: string;
  brand?: Record<string, unknown>;
};

/** jsonb reorders keys, so brands are compared with keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Inserts the row, or updates only the fields that differ (and `updated_at` only then),
 * so a run with nothing to do writes nothing.
 */
export async function syncTenantRow(
  tx: Tx,
  row: TenantRow | undefined,
  want: WantedTenant,
): Promise<{ id: string; created: boolean; changes: string[] }> {
  if (!row) {
    const id = want.id ?? randomUUID();
    const { brand = {}, ...rest } = want;
    await tx.insert(tenants).values({ ...rest, id, brand });
    return { id, created: true, changes: [] };
  }
  const changes: string[] = [];
  const patch: Partial<TenantRow> = {};
  if (row.name !== want.name) {
    patch.name = want.name;
    changes.push(`name "${row.name}" → "${want.name}"`);
  }
  if (row.themeId !== want.themeId) {
    patch.themeId = want.themeId;
    changes.push(`theme ${row.themeId} → ${want.themeId}`);
  }
  if (row.plan !== want.plan) {
    patch.plan = want.plan;
    changes.push(`plan ${row.plan} → ${want.plan}`);
  }
  if (want.brand && canonical(row.brand) !== canonical(want.brand)) {
    patch.brand = want.brand;
    changes.push("brand");
  }
  if (changes.length > 0) {
    await tx
      .update(tenants)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(tenants.id, row.id));
  }
  return { id: row.id, created: false, changes };
}
