import { setTransactionTenant, sql, type Tx } from "@omnify/db";

/**
 * Moves an open transaction to another tenant, exactly as `withTenant` starts one
 * (transaction-local `app.tenant_id`). RLS then checks every statement against that
 * tenant. Sync needs this so an agency and all its sub-accounts commit as ONE transaction
 * while each sub-account's rows are still written in its own tenant context.
 */
export async function actAs(tx: Tx, tenantId: string): Promise<void> {
  await setTransactionTenant(tx, tenantId);
}

/** Serialises concurrent syncs (start script + CLI) so both cannot create the same tenant. */
export async function lockSync(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('omnify.tenants-sync'))`);
}

/** The id of the agency with this slug, found through the routing function (RLS-safe). */
export async function findAgencyId(tx: Tx, slug: string): Promise<string | undefined> {
  const rows = await tx.execute<{ tenant_id: string }>(
    sql`select tenant_id from app.route_tenant(${slug}, null::text, null::text)`,
  );
  return rows[0]?.tenant_id;
}

/** The agency a verified custom domain routes to, if any. */
export async function findDomainOwner(tx: Tx, hostname: string): Promise<string | undefined> {
  const rows = await tx.execute<{ agency_slug: string }>(
    sql`select agency_slug from app.route_tenant(null::text, ${hostname}, null::text)`,
  );
  return rows[0]?.agency_slug;
}

/** A user's id by e-mail, visible before any membership exists (SECURITY DEFINER). */
export async function findUserId(tx: Tx, email: string): Promise<string | undefined> {
  const rows = await tx.execute<{ id: string }>(sql`select id from app.user_for_login(${email})`);
  return rows[0]?.id;
}
