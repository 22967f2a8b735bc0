import type { EffectiveRole } from "../auth/roles";
import { DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { type Action, isCoreModule, parseAction } from "./actions";
import { FIXED_ROLE_GRANTS, grantsReach } from "./grants";

/**
 * Who is acting. `permissions` is the custom role's grants (null: the fixed role's own
 * set); `restrictedTo` lists the sub-accounts a restricted agency member was assigned
 * (null: not restricted).
 */
export type Actor = {
  userId: string;
  role: EffectiveRole;
  permissions: readonly string[] | null;
  restrictedTo?: readonly string[] | null;
};

export type Resource = {
  tenant: Pick<ResolvedTenant, "id" | "kind">;
  /** For `subaccounts.access`: the sub-account being opened. */
  subaccountId?: string;
};

export type Decision = { allowed: true } | { allowed: false; reason: string };

const deny = (reason: string): Decision => ({ allowed: false, reason });
const ALLOW: Decision = { allowed: true };

/**
 * The one policy function: may `actor` perform `action` on `resource`? Every procedure gate
 * and core check asks this, so the rules live in FIXED_ACTIONS and FIXED_ROLE_GRANTS only.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): Decision {
  const spec = parseAction(action);
  if (!spec) return deny(`Unknown action ${action}`);
  if (spec.agencyOnly && resource.tenant.kind !== "agency") {
    return deny("Only available on an agency's portal");
  }
  const fixed = FIXED_ROLE_GRANTS[actor.role];
  if (!fixed) return deny("No access to this workspace");
  if (fixed.all) {
    if (spec.ownerOnly && !fixed.owner) return deny("Only the owner can do this");
    return ALLOW;
  }
  if (spec.adminOnly) return deny("Only owners and admins can do this");
  const reach = actor.permissions
    ? grantsReach(actor.permissions, spec.module, spec.level)
    : grantsReach(fixed.grants, spec.module, spec.level) ||
      (!isCoreModule(spec.module) &&
        fixed.plugins !== null &&
        levelCovers(fixed.plugins, spec.level));
  if (!reach) return deny(`Your role does not allow ${spec.level} access to ${spec.module}`);
  if (action === "subaccounts.access" && actor.restrictedTo && resource.subaccountId) {
    if (!actor.restrictedTo.includes(resource.subaccountId)) {
      return deny("You are not assigned to this sub-account");
    }
  }
  return ALLOW;
}

const levelCovers = (held: "read" | "write", wanted: "read" | "write") =>
  held === "write" || wanted === "read";

/** authorize, throwing FORBIDDEN with the reason (and `field`, when the input caused it). */
export function assertAuthorized(
  actor: Actor,
  action: Action,
  resource: Resource,
  field?: string,
): void {
  const decision = authorize(actor, action, resource);
  if (!decision.allowed) throw new DomainError("FORBIDDEN", decision.reason, field);
}

/** Role-only questions (UI hints, legacy helpers): the fixed role with no custom grants. */
export function roleMay(role: EffectiveRole, action: Action, kind: "agency" | "subaccount") {
  return authorize({ userId: "", role, permissions: null }, action, { tenant: { id: "", kind } })
    .allowed;
}
