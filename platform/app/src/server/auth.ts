import type { AuthenticatedUser } from "@omnify/core/auth/authenticate";
import { findEffectiveRole } from "@omnify/core/auth/effective-role";
import { isMfaRequired } from "@omnify/core/auth/mfa/require-mfa";
import { getMfaStatus } from "@omnify/core/auth/mfa/verify";
import type { EffectiveRole } from "@omnify/core/auth/roles";
import { validateAuthSession } from "@omnify/core/auth/sessions";
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
  tenant: ResolvedTenant;
};

/**
 * The signed-in user on this host, or null. Validates the session row on every render
 * (revoked sessions end immediately) and re-checks the role, so losing a membership
 * locks the user out without waiting for the session to expire.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const tenant = await requireTenant();
  const jar = await cookies();
  const sid = await sessionTokenFromCookie((name) => jar.get(name)?.value);
  if (!sid) return null;
  const { db } = getDeps();
  const session = await validateAuthSession(db, tenant.id, sid);
  if (!session) return null;
  const role = await findEffectiveRole(db, tenant, session.userId);
  return role ? { user: session.user, role, tenant } : null;
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
  if (!opts.allowMissingMfa && (await mustEnrolMfa(current))) redirect(MFA_ENROL_PATH);
  return current;
}

/** Whether the tenant requires MFA and this user has not turned it on yet. */
export const mustEnrolMfa = cache(async (current: CurrentUser): Promise<boolean> => {
  const { db } = getDeps();
  return db.withTenant(
    current.tenant.id,
    async (tx) =>
      (await isMfaRequired(tx, current.tenant)) &&
      !(await getMfaStatus(tx, current.user.id)).enabled,
    { userId: current.user.id },
  );
});
