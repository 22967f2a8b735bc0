import { sql } from "@omnify/db";
import { uiBuildRecordSchema } from "@omnify/plugin-sdk/ui";
import { getDeps } from "../../server/deps";
import { getTenant } from "../../server/tenant";
import type { CatalogUiLookup } from "./serve-asset";

/**
 * Reads `plugin_versions.ui` (docs/PLUGINS-CONTRACT.md) for the asset route. The catalog
 * is readable by every tenant, so the request's own host tenant is the transaction's; a
 * request on no tenant's host finds nothing. Plain SQL against the contract's columns, so
 * this does not wait on the catalog package's helpers.
 */
export const catalogUiLookup: CatalogUiLookup = async (pluginId, version) => {
  const tenant = await getTenant();
  if (!tenant) return null;
  const rows = await getDeps().db.withTenant(tenant.id, (tx) =>
    tx.execute<{ ui: unknown }>(
      sql`select ui from plugin_versions where plugin_id = ${pluginId} and version = ${version}`,
    ),
  );
  const row = rows[0];
  if (!row) return null;
  return { ui: row.ui === null ? null : uiBuildRecordSchema.parse(row.ui) };
};
