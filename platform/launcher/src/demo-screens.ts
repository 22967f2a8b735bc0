import { createPluginRuntimeClient, pluginRuntimeToken } from "@omnify/plugin-runtime";
import postgres from "postgres";

/** The demo agency whose billboard network `npm start` fills, and the owner of its screens. */
const DEMO = { tenant: "northwind", owner: "owner@northwind.test", plugin: "billboards" };

/**
 * Seeds the billboard plugin's two demo screens in the demo agency through the plugin
 * itself (its `seed-demo` job, idempotent), so the launcher never writes plugin tables.
 * Skipped, with a line saying why, when the plugin is not installed there.
 */
export async function seedDemoScreens(opts: {
  adminUrl: string;
  runtimeUrl: string;
  secret: string;
}): Promise<string> {
  const sql = postgres(opts.adminUrl, { max: 1, onnotice: () => {} });
  let ids: { tenant_id: string; user_id: string; status: string | null } | undefined;
  try {
    [ids] = await sql<{ tenant_id: string; user_id: string; status: string | null }[]>`
      select t.id as tenant_id, u.id as user_id,
        (select i.status from plugin_installations i
          where i.tenant_id = t.id and i.plugin_id = ${DEMO.plugin}) as status
      from tenants t, users u
      where t.slug = ${DEMO.tenant} and t.parent_id is null and u.email = ${DEMO.owner}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  if (ids?.status !== "enabled") return `${DEMO.plugin} is not enabled for ${DEMO.tenant}`;
  const client = createPluginRuntimeClient({
    url: opts.runtimeUrl,
    token: pluginRuntimeToken(opts.secret),
  });
  const r = await client.invoke({
    tenantId: ids.tenant_id,
    pluginId: DEMO.plugin,
    kind: "job",
    name: "seed-demo",
    input: { ownerUserId: ids.user_id },
  });
  if (!r.ok) return `seeding failed: ${r.error.message}`;
  const created = (r.value as { created?: number }).created ?? 0;
  return created ? `${created} demo screens created` : "demo screens already there";
}
