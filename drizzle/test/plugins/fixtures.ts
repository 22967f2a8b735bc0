import postgres from "postgres";
import { ensurePluginContextKey } from "../../src/plugins/context-key";
import { pluginTenantPolicySql } from "../../src/plugins/policy";
import { type ProvisionedPlugin, provisionPlugin } from "../../src/plugins/provision";
import type { TestDatabase } from "../../src/testing";
import { type Seed, seedTwoTenants } from "../fixtures";

/** One secret for every test file: plugin roles are cluster-wide, their passwords derive from it. */
export const HOST_SECRET = "omnify-plugin-host-secret-test-only";

/** The legit first migration of the `links` plugin, written as the SDK tells authors to. */
export const LINKS_0001 = {
  name: "0001_links",
  sql: `create table links (
    id bigint generated always as identity primary key,
    tenant_id uuid not null,
    url text not null,
    created_at timestamptz not null default now()
  );
  ${pluginTenantPolicySql("links")}`,
};

export const OTHER_0001 = {
  name: "0001_notes",
  sql: `create table notes (id serial primary key, tenant_id uuid not null, body text not null);
  ${pluginTenantPolicySql("notes")}`,
};

export type PluginWorld = {
  seed: Seed;
  hostToken: string;
  links: ProvisionedPlugin;
  other: ProvisionedPlugin;
};

/** Tenants A and B, the signing key, and the `links` and `other` plugins provisioned. */
export async function pluginWorld(t: TestDatabase): Promise<PluginWorld> {
  const seed = await seedTwoTenants(t.admin);
  const { hostToken } = await ensurePluginContextKey(t.admin, HOST_SECRET);
  const links = await provisionPlugin(t.admin, { pluginId: "links", hostSecret: HOST_SECRET });
  const other = await provisionPlugin(t.admin, { pluginId: "other", hostSecret: HOST_SECRET });
  return { seed, hostToken, links, other };
}

/** The error a promise rejects with (postgres.js errors carry the SQLSTATE in `code`). */
export async function failureOf(work: Promise<unknown>): Promise<Error & { code?: string }> {
  const outcome = await work.then(
    () => null,
    (e: unknown) => e as Error & { code?: string },
  );
  if (!outcome) throw new Error("expected the operation to fail, but it succeeded");
  return outcome;
}

/** A direct login as some role, for checks that must not go through the host's guard. */
export function login(url: string): postgres.Sql {
  return postgres(url, { max: 1, onnotice: () => {} });
}
