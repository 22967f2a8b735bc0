import type postgres from "postgres";
import { APP_ROLE, DEFINER_ROLE } from "./urls";

/**
 * Creates or repairs the cluster-wide roles the migrations name. The app role must stay
 * a plain login: not superuser, no BYPASSRLS, no CREATEROLE, and never a table owner.
 */
export async function ensureRoles(admin: postgres.Sql, appPassword: string): Promise<void> {
  await admin.begin(async (tx) => {
    // Serialise concurrent migrators (parallel test workers share one cluster).
    await tx`select pg_advisory_xact_lock(hashtext('omnify.ensure_roles'))`;
    const [app] = await tx`select 1 from pg_roles where rolname = ${APP_ROLE}`;
    const password = tx.unsafe(`'${appPassword.replaceAll("'", "''")}'`);
    if (!app) {
      await tx`create role ${tx(APP_ROLE)} login password ${password}`;
    } else {
      await tx`alter role ${tx(APP_ROLE)} with login password ${password}`;
    }
    await tx`alter role ${tx(APP_ROLE)} nosuperuser nobypassrls nocreatedb nocreaterole noinherit`;
    const [definer] = await tx`select 1 from pg_roles where rolname = ${DEFINER_ROLE}`;
    if (!definer) await tx`create role ${tx(DEFINER_ROLE)} nologin`;
    await tx`alter role ${tx(DEFINER_ROLE)} nologin nosuperuser nobypassrls`;
    // The migrator must be able to hand functions to the definer role.
    const [member] = await tx`
      select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid
      where r.rolname = ${DEFINER_ROLE} and m.member = (select oid from pg_roles where rolname = current_user)`;
    const [isSuper] = await tx`select 1 from pg_roles where rolname = current_user and rolsuper`;
    if (!member && !isSuper) await tx`grant ${tx(DEFINER_ROLE)} to current_user`;
  });
}
