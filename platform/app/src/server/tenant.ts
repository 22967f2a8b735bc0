import { resolveTenantByHost } from "@omnify/core/tenancy/resolve-tenant";
import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { HOST_HEADER, HOST_KIND_HEADER, PATH_HEADER } from "../lib/host-headers";
import { getDeps } from "./deps";

export type HostInfo =
  | { kind: "invalid" }
  | { kind: "platform"; host: string }
  | { kind: "tenant"; host: string; tenant: ResolvedTenant }
  | { kind: "unknown"; host: string };

/**
 * What this request's Host points at, once per render (React cache). The host comes from
 * the header proxy.ts set after validating it, never from the raw Host header.
 */
export const getHostInfo = cache(async (): Promise<HostInfo> => {
  const h = await headers();
  const host = h.get(HOST_HEADER);
  if (!host) return { kind: "invalid" };
  if (h.get(HOST_KIND_HEADER) === "platform") return { kind: "platform", host };
  const { db, env } = getDeps();
  const tenant = await resolveTenantByHost(db, host, env.core);
  return tenant ? { kind: "tenant", host, tenant } : { kind: "unknown", host };
});

/** The tenant or null (platform host, unknown or malformed host). */
export async function getTenant(): Promise<ResolvedTenant | null> {
  const info = await getHostInfo();
  return info.kind === "tenant" ? info.tenant : null;
}

/** The tenant, or the branded 404 page (status 404) for any other host. */
export async function requireTenant(): Promise<ResolvedTenant> {
  const tenant = await getTenant();
  if (!tenant) notFound();
  return tenant;
}

/** Path + query of the current request, as proxy.ts recorded it. */
export async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}
