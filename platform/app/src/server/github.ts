import { findEffectiveRole } from "@omnify/core/auth/effective-role";
import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import { sql } from "@omnify/db";
import type { User } from "next-auth";
import { getDeps } from "./deps";

type GithubEmail = { email: string; verified: boolean; primary: boolean };

/** Only addresses GitHub has verified: an unverified one proves nothing about its owner. */
async function verifiedEmails(accessToken: string | undefined): Promise<string[]> {
  if (!accessToken) return [];
  const res = await fetch("https://api.github.com/user/emails", {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json" },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) return [];
  const emails = (await res.json()) as GithubEmail[];
  return emails
    .filter((e) => e.verified)
    .sort((a, b) => Number(b.primary) - Number(a.primary))
    .map((e) => e.email);
}

/**
 * Maps a GitHub login to an existing Omnify user who has a role in this tenant. GitHub
 * never creates accounts here; an unmatched login yields an empty id, which the signIn
 * callback refuses.
 */
export async function githubUserForTenant(
  tenant: ResolvedTenant,
  accessToken: string | undefined,
): Promise<User> {
  const { db } = getDeps();
  for (const email of await verifiedEmails(accessToken)) {
    // The same SECURITY DEFINER lookup password sign-in uses; users rows are otherwise
    // invisible before a tenant and user are known.
    const [row] = await db.withoutTenant((tx) =>
      tx.execute<{ id: string; name: string }>(
        sql`select id, name from app.user_for_login(${email})`,
      ),
    );
    if (row && (await findEffectiveRole(db, tenant, row.id))) {
      return { id: row.id, name: row.name, email };
    }
  }
  return { id: "" };
}
