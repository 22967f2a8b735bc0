import { isReservedSubdomain, RESERVED_SUBDOMAINS } from "@omnify/core/tenancy/reserved";

/**
 * An agency slug becomes a host label under the platform host, so the labels host parsing
 * in @omnify/core refuses (www, api, login, billing, …) are exactly the slugs a tenant may
 * not take. Imported, not copied, so the two lists cannot drift.
 */
export const reservedSlugs: ReadonlySet<string> = RESERVED_SUBDOMAINS;

export const isReservedSlug = isReservedSubdomain;
