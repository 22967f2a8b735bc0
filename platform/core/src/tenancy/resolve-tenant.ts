import { type AppDatabase, sql } from "@omnify/db";
import type { CoreConfig } from "../env";
import { buildOrigin } from "./build-origin";
import { HostError, type ParsedHost, parseHost } from "./parse-host";
import type { ResolvedTenant } from "./resolved-tenant";
import { TtlLru } from "./tenant-cache";

type RouteRow = {
  tenant_id: string;
  kind: "agency" | "subaccount";
  slug: string;
  name: string;
  theme_id: string;
  brand: Record<string, unknown>;
  agency_id: string;
  agency_slug: string;
  agency_name: string;
  agency_theme_id: string;
  agency_brand: Record<string, unknown>;
};

type RouteArgs = { agencySlug: string | null; customHost: string | null; subSlug: string | null };
type HostConfig = Pick<CoreConfig, "platformHost" | "publicScheme" | "publicPort">;

// Only hits are cached (a few seconds): a new tenant or domain shows up at once, and a
// flood of random hosts cannot evict the real ones faster than they are re-read.
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 1_000;
const caches = new WeakMap<AppDatabase, TtlLru<ResolvedTenant>>();

function cacheFor(db: AppDatabase): TtlLru<ResolvedTenant> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TtlLru(CACHE_MAX, CACHE_TTL_MS);
    caches.set(db, cache);
  }
  return cache;
}

/** Drops cached host lookups, e.g. after a domain is verified or a tenant renamed. */
export function clearTenantCache(db: AppDatabase): void {
  caches.get(db)?.clear();
}

/** The lookups to try, in order; a custom host may be a sub-account under a custom domain. */
function candidates(parsed: ParsedHost): RouteArgs[] {
  switch (parsed.kind) {
    case "platform":
      return [];
    case "agency":
      return [{ agencySlug: parsed.agencySlug, customHost: null, subSlug: null }];
    case "subaccount":
      return [{ agencySlug: parsed.agencySlug, customHost: null, subSlug: parsed.subSlug }];
    case "custom": {
      const whole = { agencySlug: null, customHost: parsed.hostname, subSlug: null };
      if (parsed.hostname === parsed.apex) return [whole];
      const dot = parsed.hostname.indexOf(".");
      const sub = parsed.hostname.slice(0, dot);
      const rest = parsed.hostname.slice(dot + 1);
      return [whole, { agencySlug: null, customHost: rest, subSlug: sub }];
    }
  }
}

function toTenant(row: RouteRow, host: string, cfg: HostConfig): ResolvedTenant {
  return {
    id: row.tenant_id,
    kind: row.kind,
    slug: row.slug,
    name: row.name,
    themeId: row.theme_id,
    brand: row.brand ?? {},
    host,
    origin: buildOrigin(host, cfg),
    agency: {
      id: row.agency_id,
      slug: row.agency_slug,
      name: row.agency_name,
      themeId: row.agency_theme_id,
      brand: row.agency_brand ?? {},
    },
  };
}

/**
 * The tenant a Host header points at, or null for the platform host, unknown hosts and
 * malformed ones. Routing runs before any tenant is known, so it goes through the narrow
 * SECURITY DEFINER app.route_tenant() in a tenant-less transaction.
 */
export async function resolveTenantByHost(
  db: AppDatabase,
  rawHost: string,
  cfg: HostConfig,
): Promise<ResolvedTenant | null> {
  let parsed: ParsedHost;
  try {
    parsed = parseHost(rawHost, { platformHost: cfg.platformHost });
  } catch (error) {
    if (error instanceof HostError) return null;
    throw error;
  }
  const tries = candidates(parsed);
  if (tries.length === 0) return null;

  const cache = cacheFor(db);
  const key = `${cfg.publicScheme}|${cfg.publicPort}|${cfg.platformHost}|${parsed.hostname}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const row = await db.withoutTenant(async (tx) => {
    for (const args of tries) {
      const rows = await tx.execute<RouteRow>(
        sql`select * from app.route_tenant(${args.agencySlug}::text, ${args.customHost}::text, ${args.subSlug}::text)`,
      );
      if (rows[0]) return rows[0];
    }
    return null;
  });
  if (!row) return null;
  const tenant = toTenant(row, parsed.hostname, cfg);
  cache.set(key, tenant);
  return tenant;
}
