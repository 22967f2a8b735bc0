import { randomUUID } from "node:crypto";
import type postgres from "postgres";

export type Seed = { agencyA: string; agencyB: string; subA: string; userA: string; userB: string };

/** Two agencies (A with a sub-account) and one user in each, created as the superuser. */
export async function seedTwoTenants(admin: postgres.Sql): Promise<Seed> {
  const [agencyA, agencyB, subA, userA, userB] = Array.from({ length: 5 }, () => randomUUID()) as [
    string,
    string,
    string,
    string,
    string,
  ];
  await admin`insert into tenants (id, kind, slug, name, theme_id) values
    (${agencyA}, 'agency', 'alpha', 'Alpha', 'aurora'),
    (${agencyB}, 'agency', 'beta', 'Beta', 'ember')`;
  await admin`insert into tenants (id, kind, parent_id, slug, name, theme_id)
    values (${subA}, 'subaccount', ${agencyA}, 'client', 'Alpha Client', 'aurora')`;
  await admin`insert into users (id, email, name) values
    (${userA}, 'a@alpha.test', 'Ann'), (${userB}, 'b@beta.test', 'Bob')`;
  // Installations reference a catalog version; the catalog is global, not tenant-owned.
  await admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256)
    values (${FIXTURE_PLUGIN}, '1.0.0', '{}', '', ${"0".repeat(64)})`;
  return { agencyA, agencyB, subA, userA, userB };
}

type Row = Record<string, unknown>;
const FIXTURE_PLUGIN = "fixture-plugin";
const soon = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * One row factory per tenant-owned table. The isolation suite refuses to pass while a
 * table with `tenant_id` has no factory here, so new tables are covered by construction.
 */
export const rowFactories: Record<string, (tenantId: string, userId: string) => Row> = {
  brand_assets: (tenantId) => ({
    tenant_id: tenantId,
    kind: "logo",
    sha256: randomUUID().replaceAll("-", "").padEnd(64, "0"),
    content_type: "image/png",
    byte_size: 1,
    width: 1,
    height: 1,
    data: "x",
  }),
  billing_customers: (tenantId) => ({
    tenant_id: tenantId,
    stripe_customer_id: `cus_${randomUUID()}`,
  }),
  subscriptions: (tenantId) => ({
    tenant_id: tenantId,
    stripe_subscription_id: `sub_${randomUUID()}`,
    plan: "basic",
    status: "active",
    stripe_version: 1,
  }),
  feature_overrides: (tenantId) => ({ tenant_id: tenantId, key: "seats", value: "5" }),
  export_jobs: (tenantId) => ({ tenant_id: tenantId, kind: "export" }),
  tenant_domains: (tenantId) => ({
    tenant_id: tenantId,
    hostname: `${randomUUID()}.example.test`,
    verification_token: randomUUID(),
  }),
  // Table order is alphabetical, so each tenant's installation exists before its secret.
  plugin_installations: (tenantId) => ({
    tenant_id: tenantId,
    plugin_id: FIXTURE_PLUGIN,
    version: "1.0.0",
    consented_capabilities: "{}",
  }),
  plugin_secrets: (tenantId) => ({
    tenant_id: tenantId,
    plugin_id: FIXTURE_PLUGIN,
    name: `s-${randomUUID()}`,
    ciphertext: "x",
    iv: "x",
    tag: "x",
    wrapped_key: "x",
    key_version: 1,
  }),
  // jsonb as text: the isolation suite also sends these values as plain query parameters.
  plugin_events: (tenantId) => ({
    tenant_id: tenantId,
    type: "t.x",
    payload: "{}",
    source: "core",
  }),
  usage_monthly: (tenantId) => ({
    tenant_id: tenantId,
    source: "core",
    meter: "ai.tokens",
    month: "2026-01-01",
    total: 5,
  }),
  usage_rollups: (tenantId) => ({
    tenant_id: tenantId,
    period: "hour",
    source: "core",
    meter: `m${randomUUID()}`,
    bucket_start: "2026-01-01T10:00:00Z",
    aggregation: "sum",
    value: 5,
    events: 1,
  }),
  usage_rollup_state: (tenantId) => ({
    tenant_id: tenantId,
    period: "hour",
    closed_until: "2026-01-01T10:00:00Z",
    last_run_at: "2026-01-01T10:05:00Z",
  }),
  usage_alerts: (tenantId) => ({
    tenant_id: tenantId,
    meter: `m${randomUUID()}`,
    month: "2026-01-01",
    threshold: 80,
    used: 80,
    quota: 100,
  }),
  usage_stripe_reports: (tenantId) => ({
    identifier: `omn_${randomUUID()}`,
    tenant_id: tenantId,
    source: "core",
    meter: "ai.tokens",
    bucket_start: "2026-01-01T10:00:00Z",
    event_name: "omnify_core_ai_tokens",
    stripe_customer_id: "cus_x",
    value: 5,
  }),
  usage_reconciliations: (tenantId) => ({
    tenant_id: tenantId,
    event_name: "omnify_core_ai_tokens",
    bucket_start: "2026-01-01T10:00:00Z",
    ours: 5,
    stripe: 4,
    status: "mismatch",
  }),
  payment_checkouts: (tenantId) => ({
    tenant_id: tenantId,
    plugin_id: "billboards",
    provider: "stripe",
    idempotency_key: randomUUID(),
    checkout_id: `cs_${randomUUID()}`,
    url: "https://checkout.stripe.test/x",
    reference: "booking-1",
    amount: 1000,
    currency: "usd",
  }),
  // Its id is the tenant's, so a rebilling trace row can point at it.
  usage_events: (tenantId) => ({
    id: tenantId,
    tenant_id: tenantId,
    meter: "m",
    source: "core",
    quantity: 1,
    idempotency_key: randomUUID(),
  }),
  memberships: (tenantId, userId) => ({
    tenant_id: tenantId,
    user_id: userId,
    role: "agency_member",
  }),
  invitations: (tenantId) => ({
    tenant_id: tenantId,
    email: `${randomUUID()}@invite.test`,
    role: "agency_member",
    token_hash: randomUUID(),
    expires_at: soon(),
  }),
  api_keys: (tenantId) => ({
    tenant_id: tenantId,
    name: "fixture key",
    prefix: `omk_live_${randomUUID()}`,
    secret_hash: randomUUID(),
    scopes: "{members:read}",
    expires_at: soon(),
  }),
  devices: (tenantId) => ({ tenant_id: tenantId, name: "fixture screen" }),
  realtime_events: (tenantId) => ({ tenant_id: tenantId, type: "fixture.event", data: "{}" }),
  plugin_objects: (tenantId) => ({
    tenant_id: tenantId,
    plugin_id: FIXTURE_PLUGIN,
    key: `${randomUUID()}.png`,
    size: 1,
    content_type: "image/png",
    sha256: "0".repeat(64),
  }),
  rate_limit_buckets: (tenantId) => ({
    tenant_id: tenantId,
    key_id: randomUUID(),
    window_start: new Date().toISOString(),
    count: 1,
  }),
  auth_sessions: (tenantId, userId) => ({
    id: randomUUID(),
    tenant_id: tenantId,
    user_id: userId,
    expires_at: soon(),
  }),
  custom_roles: (tenantId) => ({
    tenant_id: tenantId,
    name: `role-${randomUUID()}`,
    permissions: "{analytics:read}",
  }),
  // The tenant stands in for its own sub-account: only the foreign key is checked here.
  subaccount_assignments: (tenantId, userId) => ({
    tenant_id: tenantId,
    user_id: userId,
    subaccount_id: tenantId,
  }),
  audit_log: (tenantId, userId) => ({
    tenant_id: tenantId,
    actor_user_id: userId,
    actor_label: "fixture@example.test",
    action: "fixture.created",
    metadata: "{}",
  }),
  password_reset_tokens: (tenantId, userId) => ({
    token_hash: randomUUID(),
    tenant_id: tenantId,
    user_id: userId,
    expires_at: soon(),
  }),
  tenant_security_settings: (tenantId) => ({ tenant_id: tenantId, require_mfa: true }),
  // Rebilling: ids are the tenant's so the chain plan → billing, invoice → line → trace holds;
  // the tenant stands in for its own client (subaccount_id).
  agency_connect_accounts: (tenantId) => ({
    tenant_id: tenantId,
    stripe_account_id: `acct_${randomUUID()}`,
  }),
  client_plans: (tenantId) => ({ id: tenantId, tenant_id: tenantId, name: "Fixture plan" }),
  client_billing: (tenantId) => ({
    tenant_id: tenantId,
    subaccount_id: tenantId,
    plan_id: tenantId,
    spend_cap_cents: 5000,
  }),
  client_plan_periods: (tenantId) => ({
    tenant_id: tenantId,
    subaccount_id: tenantId,
    plan_id: tenantId,
    plan: JSON.stringify({ name: "Fixture plan", currency: "usd", baseFeeCents: 0, meters: [] }),
    effective_from: "2026-01-01T00:00:00Z",
  }),
  client_invoices: (tenantId) => ({
    id: tenantId,
    tenant_id: tenantId,
    subaccount_id: tenantId,
    period_start: "2026-01-01",
    period_end: "2026-02-01",
    currency: "usd",
    total_cents: 100,
  }),
  client_invoice_lines: (tenantId) => ({
    id: tenantId,
    tenant_id: tenantId,
    subaccount_id: tenantId,
    invoice_id: tenantId,
    position: 0,
    kind: "usage",
    description: "m",
    amount_cents: 100,
  }),
  client_invoice_line_events: (tenantId) => ({
    tenant_id: tenantId,
    subaccount_id: tenantId,
    line_id: tenantId,
    usage_event_id: tenantId,
    source: "core",
    quantity: 1,
    occurred_at: new Date().toISOString(),
  }),
  handoff_tokens: (tenantId, userId) => ({
    token_hash: randomUUID(),
    tenant_id: tenantId,
    user_id: userId,
    expires_at: soon(),
  }),
};

/** Public tables that carry tenant_id, read from the catalog rather than from code. */
export async function tenantTables(admin: postgres.Sql): Promise<string[]> {
  const rows = await admin<{ table_name: string }[]>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`;
  return rows.map((r) => r.table_name);
}
