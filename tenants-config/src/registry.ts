import { fileURLToPath } from "node:url";
import { loadTenantFiles } from "./load";
import type { TenantDefinition } from "./schema";

/** Where the checked-in tenant files live: one `<slug>.ts` per agency. */
export const tenantsDir = fileURLToPath(new URL("./tenants", import.meta.url));

/**
 * Every tenant in src/tenants, validated. The directory is read rather than listed by
 * hand so adding a tenant is one new file; a bad file fails with its own name.
 */
export function loadRegistry(): Promise<TenantDefinition[]> {
  return loadTenantFiles(tenantsDir);
}
