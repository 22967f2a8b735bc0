import type { AuthenticatedUser } from "@omnify/core/auth/authenticate";
import { findEffectiveRole } from "@omnify/core/auth/effective-role";
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

/** The signed-in user, or a redirect to /signin that comes back to this page afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const current = await getCurrentUser();
  if (!current) redirect(signInPath(await currentPath()));
  return current;
}
