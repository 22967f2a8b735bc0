import type { TenantKind } from "@omnify/db";

export type Brand = Record<string, unknown>;

/** The public face of a tenant: what host routing may reveal before anyone signs in. */
export type ResolvedTenant = {
  id: string;
  kind: TenantKind;
  slug: string;
  name: string;
  themeId: string;
  brand: Brand;
  /** The validated hostname the tenant was reached on (no port). */
  host: string;
  /** `scheme://host[:port]`, built from `host` and config, never from the raw header. */
  origin: string;
  agency: { id: string; slug: string; name: string; themeId: string; brand: Brand };
};
