import type { EffectiveRole } from "../auth/roles";
import { badInput } from "../errors";
import { isCoreModule, type Level, MODULE_ID } from "./actions";

/** A module-level grant as stored in custom_roles.permissions: `<module>:read|write`. */
export type ModuleGrant = `${string}:${Level}`;

type FixedGrants =
  /** Every action, within the owner-only and agency-only rules. */
  | { all: true; owner: boolean }
  /** Listed module grants; `plugins` = what every plugin module gets. */
  | { all: false; grants: readonly ModuleGrant[]; plugins: Level | null };

/**
 * THE table of fixed roles. Owners and platform staff may do everything; admins everything
 * but owner-only actions; members get what is listed, and every plugin module. A custom
 * role replaces a member role's list (and its plugin default) with its own grants.
 */
export const FIXED_ROLE_GRANTS: Record<EffectiveRole, FixedGrants> = {
  platform_admin: { all: true, owner: true },
  agency_owner: { all: true, owner: true },
  agency_admin: { all: true, owner: false },
  subaccount_admin: { all: true, owner: false },
  agency_member: {
    all: false,
    grants: ["members:read", "subaccounts:read", "plugins:read", "analytics:write"],
    plugins: "write",
  },
  subaccount_member: {
    all: false,
    grants: ["members:read", "plugins:read", "analytics:write"],
    plugins: "write",
  },
};

/** Roles whose grants a custom role may replace; admins and owners always hold everything. */
export const isMemberLevelRole = (role: EffectiveRole) => !FIXED_ROLE_GRANTS[role].all;

/** Whether `grants` reach `module` at `level`; write implies read. */
export function grantsReach(grants: readonly string[], module: string, level: Level): boolean {
  return grants.includes(`${module}:${level}`) || grants.includes(`${module}:write`);
}

/**
 * Validates and normalises a custom role's grants (sorted, deduplicated, `write` dropping the
 * redundant `read`). Module ids are core modules or plugin ids; errors name `permissions`.
 */
export function parseGrants(raw: readonly string[]): ModuleGrant[] {
  if (raw.length > 200) throw badInput("permissions", "Too many permissions");
  const out = new Map<string, Level>();
  for (const grant of raw) {
    const match = /^(.+):(read|write)$/.exec(grant);
    const module = match?.[1];
    if (!module || !MODULE_ID.test(module)) {
      throw badInput("permissions", `"${grant}" is not a permission (use <module>:read or :write)`);
    }
    if (out.get(module) !== "write") out.set(module, match[2] as Level);
  }
  return [...out.entries()]
    .sort(([a], [b]) => Number(!isCoreModule(a)) - Number(!isCoreModule(b)) || a.localeCompare(b))
    .map(([module, level]) => `${module}:${level}` as ModuleGrant);
}
