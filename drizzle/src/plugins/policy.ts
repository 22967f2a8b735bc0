/**
 * The SQL a plugin migration needs after each `create table`, for plugin authors to copy.
 * `to public` keeps the text the same for every plugin: only the plugin's runtime role has
 * privileges on its tables, and the owner gets no tenant from `app.current_tenant()`.
 * The verifier compares the policy expression exactly, so keep it as written.
 */
export function pluginTenantPolicySql(table: string): string {
  const t = `"${table.replaceAll('"', '""')}"`;
  return [
    `alter table ${t} enable row level security;`,
    `alter table ${t} force row level security;`,
    `create policy tenant_isolation on ${t} as permissive for all to public`,
    "  using (tenant_id = (select app.current_tenant()))",
    "  with check (tenant_id = (select app.current_tenant()));",
  ].join("\n");
}
