import type postgres from "postgres";
import type { World } from "../seed";

/** Gives sub-account "client" a little of everything an export must carry. */
export async function seedSubaccountData(admin: postgres.Sql, w: World): Promise<void> {
  const { client } = w;
  const { clientUser, member } = w.users;
  await admin`update tenants set brand = ${admin.json({ accent: "plum" })} where id = ${client}`;
  await admin`insert into memberships (tenant_id, user_id, role)
    values (${client}, ${member.id}, 'subaccount_admin')`;
  await admin`insert into invitations (tenant_id, email, role, token_hash, status, invited_by, expires_at)
    values (${client}, 'new@people.test', 'subaccount_member', 'hash-1', 'pending', ${clientUser.id}, now() + interval '1 day'),
           (${client}, 'old@people.test', 'subaccount_admin', 'hash-2', 'accepted', ${clientUser.id}, now())`;
  await admin`insert into usage_events (tenant_id, meter, source, quantity, idempotency_key) values
    (${client}, 'emails', 'core', 2, 'k1'),
    (${client}, 'emails', 'core', 12.345678901234567890123, 'k2'),
    (${client}, 'sms', 'core', 0, 'k3')`;
  await admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256)
    values ('export-fixture', '1.0.0', '{}', '', ${"0".repeat(64)})`;
  await admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities, settings)
    values (${client}, 'export-fixture', '1.0.0', '{}', ${admin.json({ color: "blue" })})`;
  await admin`insert into plugin_events (tenant_id, type, payload, source)
    values (${client}, 'contact.created', '{}', 'core')`;
  await admin`insert into auth_sessions (id, tenant_id, user_id, expires_at)
    values ('session-1', ${client}, ${clientUser.id}, now() + interval '1 day')`;
}

/**
 * A table's rows for one tenant without what an import changes on purpose (ids, the tenant,
 * regenerated secret hashes) and timestamps (a merged membership keeps its own), as exact
 * JSON text, sorted.
 */
export async function snapshot(admin: postgres.Sql, table: string, tenantId: string) {
  const rows = await admin.unsafe<{ row: string }[]>(
    `select (j - 'id' - 'tenant_id' - 'token_hash'
        - array(select k from jsonb_object_keys(j) k where k like '%\\_at'))::text as row
     from ${table} t, to_jsonb(t) j where tenant_id = $1`,
    [tenantId],
  );
  return rows.map((r) => r.row).sort();
}
