export { DEFAULT_DEMO_PASSWORD, syncDemoTenants } from "./demo";
export { type ConfigIssue, TenantConfigError } from "./errors";
export { plans } from "./fields";
export { loadTenantFiles } from "./load";
export { loadRegistry, tenantsDir } from "./registry";
export { isReservedSlug, reservedSlugs } from "./reserved";
export {
  defineTenant,
  type SubaccountDefinition,
  subaccountSchema,
  type TenantDefinition,
  type TenantInput,
  tenantSchema,
} from "./schema";
export { type DemoSignIn, demoSignIns, demoTenants } from "./sign-ins";
export { type SyncOptions, type SyncReport, syncTenants } from "./sync";
export { validateTenants } from "./validate";
