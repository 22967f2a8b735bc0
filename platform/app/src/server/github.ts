import { findEffectiveRole } from "@omnify/core/auth/effective-role";
import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import { sql } from "@omnify/db";
import type { User } from "next-auth";
import type { OAuthUserConfig } from "next-auth/providers/oauth";
import type { ServerEnv } from "../env";
import { getDeps } from "./deps";

type GithubEmail = { email: string; verified: boolean; primary: boolean };
type GithubOrigins = Pick<ServerEnv, "GITHUB_OAUTH_URL" | "GITHUB_API_URL">;

const apiOrigin = (env: GithubOrigins) =>
  (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, "");

/**
 * The GitHub provider's endpoints when GITHUB_OAUTH_URL / GITHUB_API_URL point elsewhere (the
 * local fake `npm test` runs); nothing when neither is set, so the provider's own apply.
 * The profile is only the account's id: the e-mail comes from verifiedEmails below.
 */
export function githubEndpoints(env: GithubOrigins): Partial<OAuthUserConfig<unknown>> {
  if (!env.GITHUB_OAUTH_URL && !env.GITHUB_API_URL) return {};
  const web = (env.GITHUB_OAUTH_URL ?? "https://github.com").replace(/\/$/, "");
  return {
    authorization: {
      url: `${web}/login/oauth/authorize`,
      params: { scope: "read:user user:email" },
    },
    token: `${web}/login/oauth/access_token`,
    userinfo: {
      url: `${apiOrigin(env)}/user`,
      request: ({ client, tokens }) => client.userinfo(tokens.access_token ?? ""),
    },
  };
}

/** Only addresses GitHub has verified: an unverified one proves nothing about its owner. */
async function verifiedEmails(accessToken: string | undefined): Promise<string[]> {
  if (!accessToken) return [];
  const res = await fetch(`${apiOrigin(getDeps().env)}/user/emails`, {
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
 * The id a GitHub login without a matching user gets. Not empty: next-auth refuses a profile
 * without an id as a broken provider response (OAUTH_PARSE_PROFILE_ERROR) before the signIn
 * callback, which is where this one is turned away (AccessDenied, "could not sign you in").
 */
export const GITHUB_NO_MATCH = "github:no-match";

/**
 * Maps a GitHub login to an existing Omnify user who has a role in this tenant. GitHub
 * never creates accounts here; an unmatched login yields GITHUB_NO_MATCH, which the signIn
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
  return { id: GITHUB_NO_MATCH };
}
