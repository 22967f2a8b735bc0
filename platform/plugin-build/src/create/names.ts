/** `link-tracker` → `Link tracker`: the manifest's display name until the author edits it. */
export const displayName = (id: string) =>
  id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());

/** `link-tracker` → `link_tracker`: the table the scaffold creates. */
export const tableName = (id: string) => `${id.replace(/-/g, "_")}_greetings`;

/**
 * The standard tenant policy, as `pluginTenantPolicySql(table)` from `@omnify/db` prints it.
 * Inlined because this command runs on plain Node, which cannot load that package's
 * TypeScript; the scaffold's own test proves it, since the host verifies the policy.
 */
export function tenantPolicySql(table: string): string {
  const t = `"${table.replaceAll('"', '""')}"`;
  return [
    `alter table ${t} enable row level security;`,
    `alter table ${t} force row level security;`,
    `create policy tenant_isolation on ${t} as permissive for all to public`,
    "  using (tenant_id = (select app.current_tenant()))",
    "  with check (tenant_id = (select app.current_tenant()));",
  ].join("\n");
}
