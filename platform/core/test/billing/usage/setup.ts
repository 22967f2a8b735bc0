import type postgres from "postgres";
import { insertCatalogVersion } from "../../plugin-catalog";

export const LINKS_METERS = [
  { name: "clicks", aggregation: "sum" },
  { name: "links", aggregation: "count" },
  { name: "peak", aggregation: "max" },
  { name: "visitors", aggregation: "unique" },
];

/** Installs plugin `links` (declaring one meter of each aggregation) for `tenants`, as the superuser. */
export async function installMeteringPlugin(admin: postgres.Sql, tenants: string[]) {
  const capabilities = { meters: LINKS_METERS };
  await insertCatalogVersion(admin, { pluginId: "links", version: "1.0.0", capabilities });
  for (const t of tenants)
    await admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities)
      values (${t}, 'links', '1.0.0', ${admin.json(capabilities)})`;
}
