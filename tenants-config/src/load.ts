import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ConfigIssue, displayFile, TenantConfigError } from "./errors";
import type { TenantDefinition } from "./schema";
import { checkTenants, type TenantSource } from "./validate";

const MODULE_FILE = /^[^.].*\.(ts|mts|js|mjs)$/;

/** Tenant files in `dir`: modules, not declarations or tests, in a stable order. */
async function tenantFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => MODULE_FILE.test(n) && !n.endsWith(".d.ts") && !/\.test\./.test(n))
    .sort()
    .map((n) => join(dir, n));
}

async function importDefault(path: string): Promise<TenantSource | ConfigIssue> {
  const file = displayFile(path);
  try {
    const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
    if (mod.default === undefined) {
      return {
        file,
        path: "",
        message: "has no default export (export default defineTenant({...}))",
      };
    }
    return { file, value: mod.default };
  } catch (error) {
    // Keep the one-line-per-problem format: a syntax error's code frame follows line one.
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return { file, path: "", message: `could not be loaded: ${reason}` };
  }
}

/** `tenants/<slug>.ts` is the convention; a mismatch is usually a copied file left unedited. */
function slugMatchesFile(source: { file: string; def: TenantDefinition }): ConfigIssue[] {
  const stem = basename(source.file, extname(source.file));
  if (stem === source.def.slug) return [];
  return [
    {
      file: source.file,
      path: "slug",
      message: `must match the file name: "${basename(source.file)}" defines slug "${source.def.slug}"`,
    },
  ];
}

/**
 * Imports every tenant file in `dir` and validates them together. Throws a
 * TenantConfigError naming each bad file and field; returns the parsed definitions.
 */
export async function loadTenantFiles(dir: string): Promise<TenantDefinition[]> {
  const loaded = await Promise.all((await tenantFiles(dir)).map(importDefault));
  const loadIssues = loaded.filter((l): l is ConfigIssue => "message" in l);
  const sources = loaded.filter((l): l is TenantSource => "value" in l);
  const { defs, issues } = checkTenants(sources, slugMatchesFile);
  if (loadIssues.length + issues.length > 0) {
    throw new TenantConfigError([...loadIssues, ...issues]);
  }
  return defs;
}
