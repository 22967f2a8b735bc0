import type { Actor } from "@omnify/core/access/authorize";
import { type BillingAccess, loadRequestContext } from "@omnify/core/access/request-context";
import type { AuthenticatedUser } from "@omnify/core/auth/authenticate";
import type { EffectiveRole } from "@omnify/core/auth/roles";
import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { signInPath } from "../lib/callback-url";
import { getDeps } from "./deps";
import { sessionTokenFromCookie } from "./session-cookie";
import { currentPath, requireTenant } from "./tenant";

export type CurrentUser = {
  user: AuthenticatedUser;
  role: EffectiveRole;
  /** Role plus custom-role grants and restriction, for `authorize` in pages. */
  actor: Actor;
  tenant: ResolvedTenant;
  /** The tenant (or its agency) requires MFA and this user has not turned it on yet. */
  mfaEnrolmentMissing: boolean;
  /** The billed agency's status; `readOnly` drives the banner on every portal page. */
  billing: BillingAccess;
};

/**
 * The signed-in user on this host, or null. Validates the session row on every render
 * (revoked sessions end immediately) and re-checks the role, so losing a membership
 * locks the user out without waiting for the session to expire. One transaction with one
 * request-context query also answers the MFA redirect and the read-only banner.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const tenant = await requireTenant();
  const jar = await cookies();
  const sid = await sessionTokenFromCookie((name) => jar.get(name)?.value);
  if (!sid) return null;
  const context = await loadRequestContext(getDeps().db, tenant, sid);
  if (!context?.actor) return null;
  return {
    user: context.session.user,
    role: context.actor.role,
    actor: context.actor,
    tenant,
    mfaEnrolmentMissing: context.mfaEnrolmentMissing,
    billing: context.billing,
  };
});

/** Where a member who must still enrol in MFA is sent before any other page. */
export const MFA_ENROL_PATH = "/account/security?enrol=required";

/**
 * The signed-in user, or a redirect to /signin that comes back to this page afterwards.
 * Where the tenant (or its agency) requires MFA, a user without it is sent to enrolment
 * first; only the security page itself passes `allowMissingMfa`.
 */
export async function requireUser(opts: { allowMissingMfa?: boolean } = {}): Promise<CurrentUser> {
  const current = await getCurrentUser();
  if (!current) redirect(signInPath(await currentPath()));
  if (!opts.allowMissingMfa && mustEnrolMfa(current)) redirect(MFA_ENROL_PATH);
  return current;
}

/** Whether the tenant requires MFA and this user has not turned it on yet (no query: the context has it). */
export const mustEnrolMfa = (current: CurrentUser): boolean => current.mfaEnrolmentMissing;
