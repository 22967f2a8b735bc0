import type postgres from "postgres";
import { type PluginNames, pluginNames, pluginRolePassword } from "./names";

export type PluginDatabaseUrls = {
  /** Logs in as the migration role: DDL in the plugin's schema only. */
  migrationUrl: string;
  /** Logs in as the runtime role: DML on the plugin's tables only, under RLS. */
  runtimeUrl: string;
};

export type ProvisionedPlugin = PluginNames & PluginDatabaseUrls;

const ROLE_ATTRIBUTES =
  "login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls";

/**
 * Creates (or repairs) a plugin's schema and its two login roles. Idempotent; run as the
 * admin login. `baseUrl` (default: built from `admin`'s options) supplies host, port,
 * database and query string for the returned URLs.
 */
export async function provisionPlugin(
  admin: postgres.Sql,
  opts: { pluginId: string; hostSecret: string; baseUrl?: string },
): Promise<ProvisionedPlugin> {
  const names = pluginNames(opts.pluginId);
  const password = (role: string) => pluginRolePassword(opts.hostSecret, role);
  for (const role of [names.migrationRole, names.runtimeRole]) {
    await ensureLoginRole(admin, role, password(role), names.schema);
  }
  await admin.begin(async (tx) => {
    // One lock for all plugins: they all change the ACLs of schema `app` and its functions.
    await tx`select pg_advisory_xact_lock(hashtext('omnify.plugin-provision'))`;
    await grantSchema(tx, names);
  });
  const base = opts.baseUrl ?? urlFromOptions(admin);
  return {
    ...names,
    migrationUrl: loginUrl(base, names.migrationRole, password(names.migrationRole)),
    runtimeUrl: loginUrl(base, names.runtimeRole, password(names.runtimeRole)),
  };
}

/**
 * Roles are cluster-wide, so two databases (parallel test files, or two installs on one
 * server) may provision the same plugin at once; those races surface as duplicate-role or
 * "tuple concurrently updated" errors, and a retry then finds the role in place.
 */
async function ensureLoginRole(
  admin: postgres.Sql,
  role: string,
  password: string,
  schema: string,
) {
  const literal = `'${password.replaceAll("'", "''")}'`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.begin(async (tx) => {
        const [found] = await tx`select 1 from pg_roles where rolname = ${role}`;
        const verb = found ? "alter" : "create";
        await tx.unsafe(`${verb} role "${role}" ${ROLE_ATTRIBUTES} password ${literal}`);
        // A role may set its own session defaults; put back the only one it should have, so
        // unqualified names in plugin SQL mean the plugin's schema.
        await tx.unsafe(`alter role "${role}" reset all`);
        await tx.unsafe(`alter role "${role}" set search_path = "${schema}"`);
        // A plugin role belongs to nothing, so there is no role to SET ROLE into.
        const memberships = await tx<{ rolname: string }[]>`
          select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
          where m.member = (select oid from pg_roles where rolname = ${role})`;
        for (const m of memberships) await tx.unsafe(`revoke "${m.rolname}" from "${role}"`);
      });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const racing = code === "42710" || code === "23505" || code === "XX000";
      if (!racing || attempt >= 5) throw error;
    }
  }
}

async function grantSchema(tx: postgres.TransactionSql, n: PluginNames) {
  const [s, m, r] = [n.schema, n.migrationRole, n.runtimeRole].map((x) => `"${x}"`);
  const statements = [
    "revoke create on schema public from public",
    `create schema if not exists ${s} authorization ${m}`,
    `alter schema ${s} owner to ${m}`,
    `revoke all on schema ${s} from public`,
    `grant usage on schema ${s} to ${r}`,
    // Policies name app.current_tenant(); nothing else in `app` is theirs to call.
    `grant usage on schema app to ${m}, ${r}`,
    `grant execute on function app.current_tenant() to ${m}, ${r}`,
    // The host runs enter_tenant on the runtime login; without the host token it only raises.
    `grant execute on function app.enter_tenant(uuid, text) to ${r}`,
    `alter default privileges for role ${m} in schema ${s} grant select, insert, update, delete on tables to ${r}`,
    `alter default privileges for role ${m} in schema ${s} grant usage, select on sequences to ${r}`,
  ];
  for (const statement of statements) await tx.unsafe(statement);
}

function urlFromOptions(admin: postgres.Sql): string {
  const o = admin.options;
  const url = new URL(`postgres://${o.host[0] ?? "127.0.0.1"}:${o.port[0] ?? 5432}`);
  url.pathname = `/${o.database}`;
  if (o.ssl) url.searchParams.set("sslmode", "require");
  return url.toString();
}

function loginUrl(base: string, role: string, password: string): string {
  const url = new URL(base);
  url.username = role;
  url.password = password;
  return url.toString();
}
