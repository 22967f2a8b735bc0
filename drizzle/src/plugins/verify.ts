import type postgres from "postgres";
import type { PluginNames } from "./names";

/** The migration bookkeeping table; the only table exempt from the tenant rules. */
export const MIGRATIONS_TABLE = "_omnify_migrations";

/** How PostgreSQL prints the standard policy expression (search_path = pg_catalog). */
export const TENANT_POLICY_EXPR = "(tenant_id = ( SELECT app.current_tenant() AS current_tenant))";

export type PluginSchemaViolation = { table: string; problem: string };

type Relation = {
  relname: string;
  relkind: string;
  rls: boolean;
  force: boolean;
  has_tenant: boolean;
  reloptions: string[] | null;
};
type Policy = {
  relname: string;
  polname: string;
  permissive: boolean;
  cmd: string;
  qual: string | null;
  check: string | null;
  roles: string[];
};
type Grant = { relname: string; grantee: string; privilege: string; is_owner: boolean };

/**
 * Checks that every table in the plugin's schema is tenant-scoped the standard way, and
 * that nothing there can hand the runtime role more than its own tenant's rows. Runs in the
 * caller's transaction (the migration's, before it commits) with search_path pinned, so
 * objects the migration just made cannot shadow the catalog or the `=` operator.
 */
export async function verifyPluginSchema(
  tx: postgres.TransactionSql,
  names: PluginNames,
): Promise<PluginSchemaViolation[]> {
  // pg_temp last: a temporary type or table must not shadow a catalog name.
  await tx`set local search_path = pg_catalog, pg_temp`;
  const s = names.schema;
  const relations = await tx<Relation[]>`
    select c.relname, c.relkind, c.relrowsecurity as rls, c.relforcerowsecurity as force,
      c.reloptions, exists (select 1 from pg_catalog.pg_attribute a
        where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          and a.attnotnull and a.atttypid = 'pg_catalog.uuid'::pg_catalog.regtype) as has_tenant
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${s} and c.relkind in ('r', 'p', 'v', 'm', 'f')`;
  const policies = await tx<Policy[]>`
    select c.relname, p.polname, p.polpermissive as permissive, p.polcmd::text as cmd,
      pg_catalog.pg_get_expr(p.polqual, p.polrelid) as qual,
      pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as check,
      array(select case when r = 0 then 'public' else pg_catalog.pg_get_userbyid(r)::text end
        from pg_catalog.unnest(p.polroles) r) as roles
    from pg_catalog.pg_policy p join pg_catalog.pg_class c on c.oid = p.polrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = ${s}`;
  const grants = await tx<Grant[]>`
    select c.relname, a.privilege_type as privilege, a.grantee = c.relowner as is_owner,
      case when a.grantee = 0 then 'public' else pg_catalog.pg_get_userbyid(a.grantee)::text end as grantee
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    cross join lateral pg_catalog.aclexplode(c.relacl) a where n.nspname = ${s}
    union all
    select c.relname, a.privilege_type, a.grantee = c.relowner,
      case when a.grantee = 0 then 'public' else pg_catalog.pg_get_userbyid(a.grantee)::text end
    from pg_catalog.pg_attribute t join pg_catalog.pg_class c on c.oid = t.attrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    cross join lateral pg_catalog.aclexplode(t.attacl) a where n.nspname = ${s}`;
  const definers = await tx<{ proname: string }[]>`
    select p.proname from pg_catalog.pg_proc p join pg_catalog.pg_namespace n
      on n.oid = p.pronamespace where n.nspname = ${s} and p.prosecdef`;
  const rules = await tx<{ relname: string; rulename: string }[]>`
    select c.relname, r.rulename from pg_catalog.pg_rewrite r
    join pg_catalog.pg_class c on c.oid = r.ev_class
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${s} and r.rulename <> '_RETURN'`;

  const found: PluginSchemaViolation[] = [];
  const add = (relname: string, problem: string) =>
    found.push({ table: `${s}.${relname}`, problem });
  for (const rel of relations) checkRelation(rel, policies, names, add);
  for (const g of grants) checkGrant(g, names, add);
  for (const f of definers) {
    add(`${f.proname}()`, "is SECURITY DEFINER: it would run as the schema owner; drop it");
  }
  for (const r of rules) add(r.relname, `has rule "${r.rulename}": rules run as the owner`);
  return found;
}

function checkRelation(
  rel: Relation,
  policies: Policy[],
  names: PluginNames,
  add: (relname: string, problem: string) => void,
) {
  if (rel.relname === MIGRATIONS_TABLE) return;
  if (rel.relkind === "v") {
    const invoker = rel.reloptions?.some((o) => /^security_invoker=(true|on|yes|1)$/i.test(o));
    if (!invoker) add(rel.relname, "is a view without security_invoker = true");
    return;
  }
  if (rel.relkind === "m" || rel.relkind === "f") {
    add(rel.relname, "is a materialized or foreign table, which row-level security cannot cover");
    return;
  }
  if (!rel.has_tenant) add(rel.relname, "has no `tenant_id uuid not null` column");
  if (!rel.rls) add(rel.relname, "does not ENABLE ROW LEVEL SECURITY");
  if (!rel.force) add(rel.relname, "does not FORCE ROW LEVEL SECURITY");
  const own = policies.filter((p) => p.relname === rel.relname);
  const forRuntime = (p: Policy) => p.roles.every((r) => r === names.runtimeRole || r === "public");
  const standard = (e: string | null) => e === TENANT_POLICY_EXPR;
  const hasStandard = own.some(
    (p) => p.permissive && p.cmd === "*" && forRuntime(p) && standard(p.qual) && standard(p.check),
  );
  if (!hasStandard) {
    add(
      rel.relname,
      "lacks the tenant policy (see pluginTenantPolicySql): FOR ALL TO the runtime role, USING and WITH CHECK `tenant_id = (select app.current_tenant())`",
    );
  }
  for (const p of own) {
    if (!forRuntime(p))
      add(rel.relname, `policy "${p.polname}" names roles other than the runtime role`);
    // Permissive policies are OR-ed together, so any looser one widens the standard one.
    const loose =
      (p.qual !== null && !standard(p.qual)) || (p.check !== null && !standard(p.check));
    if (p.permissive && loose)
      add(rel.relname, `permissive policy "${p.polname}" is looser than the tenant policy`);
  }
}

const RUNTIME_PRIVILEGES = new Set(["SELECT", "INSERT", "UPDATE", "DELETE", "USAGE"]);

/** TRUNCATE skips RLS, and any other grantee is another role reading plugin data. */
function checkGrant(g: Grant, names: PluginNames, add: (relname: string, problem: string) => void) {
  if (g.is_owner) return;
  const tracking = g.relname === MIGRATIONS_TABLE;
  if (g.grantee === names.runtimeRole && !tracking && RUNTIME_PRIVILEGES.has(g.privilege)) return;
  add(g.relname, `grants ${g.privilege} to ${g.grantee}`);
}
