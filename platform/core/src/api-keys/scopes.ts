import { badInput } from "../errors";

/** Modules every tenant has; installed plugins add their ids. */
export const CORE_SCOPE_MODULES = ["members", "settings"] as const;
export const SCOPE_VERBS = ["read", "write"] as const;
export type ScopeVerb = (typeof SCOPE_VERBS)[number];

const SCOPE_SHAPE = /^([a-z0-9][a-z0-9-]*):([a-z]+)$/;

/**
 * Checks every requested scope against the tenant's modules and returns them sorted and
 * de-duplicated. The error names the offending scope, so a form can show it as written.
 */
export function parseScopes(requested: readonly string[], modules: readonly string[]): string[] {
  if (requested.length === 0) throw badInput("scopes", "Choose at least one scope");
  const known = new Set(modules);
  const out = new Set<string>();
  for (const scope of requested) {
    const match = SCOPE_SHAPE.exec(scope);
    if (!match) {
      throw badInput(
        "scopes",
        `Scope "${scope}" is not of the form <module>:read or <module>:write`,
      );
    }
    const [, module, verb] = match as unknown as [string, string, string];
    if (!known.has(module))
      throw badInput("scopes", `Scope "${scope}" names an unknown module "${module}"`);
    if (!(SCOPE_VERBS as readonly string[]).includes(verb)) {
      throw badInput(
        "scopes",
        `Scope "${scope}" has an unknown verb "${verb}" (use read or write)`,
      );
    }
    out.add(`${module}:${verb}`);
  }
  return [...out].sort();
}

/** `write` implies `read`: a key that may change members may also list them. */
export function grantsScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  const [module, verb] = needed.split(":");
  return verb === "read" && granted.includes(`${module}:write`);
}
