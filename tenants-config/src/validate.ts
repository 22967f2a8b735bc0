import { type ConfigIssue, issuesFromZod, TenantConfigError } from "./errors";
import { type TenantDefinition, tenantSchema } from "./schema";

/** Something to validate and the label errors name it by (a file path for tenant files). */
export type TenantSource = { file: string; value: unknown };
type Parsed = { file: string; def: TenantDefinition };

/** Rules that span files: an agency slug or a custom domain may be claimed only once. */
function crossFileIssues(parsed: readonly Parsed[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const slugOwner = new Map<string, string>();
  const hostOwner = new Map<string, string>();
  for (const { file, def } of parsed) {
    const other = slugOwner.get(def.slug);
    if (other) {
      issues.push({
        file,
        path: "slug",
        message: `duplicate agency slug "${def.slug}": also in ${other}`,
      });
    } else slugOwner.set(def.slug, file);
    def.domains.forEach((domain, i) => {
      const owner = hostOwner.get(domain.hostname);
      if (owner && owner !== file) {
        issues.push({
          file,
          path: `domains[${i}].hostname`,
          message: `duplicate custom domain "${domain.hostname}": also in ${owner}`,
        });
      } else hostOwner.set(domain.hostname, file);
    });
  }
  return issues;
}

/** Parses every source and runs the cross-file checks, collecting every problem. */
export function checkTenants(
  sources: readonly TenantSource[],
  extraIssues: (parsed: Parsed) => ConfigIssue[] = () => [],
): { defs: TenantDefinition[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const parsed: Parsed[] = [];
  for (const { file, value } of sources) {
    const result = tenantSchema.safeParse(value);
    if (!result.success) issues.push(...issuesFromZod(file, result.error));
    else {
      parsed.push({ file, def: result.data });
      issues.push(...extraIssues({ file, def: result.data }));
    }
  }
  issues.push(...crossFileIssues(parsed));
  return { defs: parsed.map((p) => p.def), issues };
}

/** Like checkTenants, but throws one TenantConfigError listing every problem. */
export function validateTenants(sources: readonly TenantSource[]): TenantDefinition[] {
  const { defs, issues } = checkTenants(sources);
  if (issues.length > 0) throw new TenantConfigError(issues);
  return defs;
}
