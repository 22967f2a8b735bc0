/**
 * Everything `authorize` can be asked about. Fixed actions belong to a core module at a
 * level (read or write), which is how a custom role's module grants reach them; per-module
 * actions (`module.<id>.read|write`) cover core modules and plugins alike.
 */
export const CORE_MODULES = [
  "members",
  "subaccounts",
  "billing",
  "settings",
  "analytics",
  "plugins",
  "apiKeys",
  "domains",
  "audit",
] as const;
export type CoreModule = (typeof CORE_MODULES)[number];
export type Level = "read" | "write";

type ActionSpec = {
  module: CoreModule;
  level: Level;
  /** Owners and admins only: a custom role can never grant it (it would allow escalation). */
  adminOnly?: true;
  /** Owners only (and platform staff). */
  ownerOnly?: true;
  /** Meaningful on an agency's own portal only. */
  agencyOnly?: true;
};

export const FIXED_ACTIONS = {
  "members.read": { module: "members", level: "read" },
  "members.invite": { module: "members", level: "write" },
  "members.remove": { module: "members", level: "write" },
  "members.changeRole": { module: "members", level: "write", adminOnly: true },
  "roles.manage": { module: "members", level: "write", adminOnly: true, agencyOnly: true },
  "subaccounts.read": { module: "subaccounts", level: "read", agencyOnly: true },
  "subaccounts.create": { module: "subaccounts", level: "write", agencyOnly: true },
  "subaccounts.access": { module: "subaccounts", level: "read", agencyOnly: true },
  "billing.read": { module: "billing", level: "read" },
  "billing.manage": { module: "billing", level: "write", adminOnly: true, ownerOnly: true },
  "apiKeys.manage": { module: "apiKeys", level: "write", adminOnly: true },
  "domains.manage": { module: "domains", level: "write", adminOnly: true },
  "audit.read": { module: "audit", level: "read" },
  "plugins.read": { module: "plugins", level: "read" },
  "plugins.install": { module: "plugins", level: "write", adminOnly: true },
  "plugins.configure": { module: "plugins", level: "write" },
  "settings.manage": { module: "settings", level: "write" },
  // "Acts as an owner or admin here": the gate behind adminProcedure; never grantable.
  "tenant.admin": { module: "settings", level: "write", adminOnly: true },
} as const satisfies Record<string, ActionSpec>;

export type FixedAction = keyof typeof FIXED_ACTIONS;
export type ModuleAction = `module.${string}.${Level}`;
export type Action = FixedAction | ModuleAction;

/** Module ids: core module names and plugin ids (lowercase, digits, dashes). */
export const MODULE_ID = /^[a-z][a-zA-Z0-9-]{0,62}$/;

export type ParsedAction = { module: string; level: Level } & Omit<ActionSpec, "module" | "level">;

/** The module and level an action needs, or null for an unknown or malformed action. */
export function parseAction(action: string): ParsedAction | null {
  if (Object.hasOwn(FIXED_ACTIONS, action)) return FIXED_ACTIONS[action as FixedAction];
  const match = /^module\.(.+)\.(read|write)$/.exec(action);
  if (!match?.[1] || !MODULE_ID.test(match[1])) return null;
  return { module: match[1], level: match[2] as Level };
}

export const isCoreModule = (id: string): id is CoreModule =>
  (CORE_MODULES as readonly string[]).includes(id);
