import { authenticate } from "@omnify/core/auth/authenticate";
import { findEffectiveRole } from "@omnify/core/auth/effective-role";
import { consumeHandoffToken } from "@omnify/core/auth/handoff";
import {
  createAuthSession,
  revokeAuthSession,
  SESSION_TTL_MS,
  validateAuthSession,
} from "@omnify/core/auth/sessions";
import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { sameOriginPath } from "../lib/callback-url";
import { authCookies } from "../lib/cookies";
import { getDeps } from "./deps";
import { githubUserForTenant } from "./github";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * next-auth options for one request, because the tenant comes from the Host.
 *
 * Sessions: Credentials forces the JWT strategy, but our JWT holds only `sid`, the opaque
 * token of a row in auth_sessions. The jwt callback (run on every /api/auth/session call)
 * and getCurrentUser()/the tRPC route (every page and API call) validate `sid` against the
 * host's tenant, so revoking the row ends the session at once, and a cookie minted on one
 * tenant's host is worthless on another's. Sign-out revokes the row (events.signOut).
 */
export function buildAuthOptions(tenant: ResolvedTenant, meta: RequestMeta): AuthOptions {
  const { db, env } = getDeps();
  const scheme = env.core.publicScheme;

  /** Only users with a role in THIS tenant may hold a session on its host. */
  const admit = async (user: User | null): Promise<User | null> =>
    user?.id && (await findEffectiveRole(db, tenant, user.id)) ? user : null;

  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const user = await authenticate(db, { email, password });
        return admit(user && { id: user.id, name: user.name, email: user.email });
      },
    }),
    CredentialsProvider({
      id: "handoff",
      name: "Handoff",
      credentials: { token: { type: "text" } },
      async authorize(credentials) {
        const userId = await consumeHandoffToken(db, tenant.id, credentials?.token);
        return admit(userId ? { id: userId } : null);
      },
    }),
  ];
  if (env.githubEnabled && env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        profile: (_profile, tokens) => githubUserForTenant(tenant, tokens.access_token),
      }),
    );
  }

  return {
    secret: env.NEXTAUTH_SECRET,
    providers,
    session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
    cookies: authCookies(scheme),
    useSecureCookies: scheme === "https",
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      // GitHub users without a match come back with an empty id.
      signIn: ({ user }) => Boolean(user.id),
      async jwt({ token, user }) {
        if (user) {
          const session = await createAuthSession(db, {
            tenantId: tenant.id,
            userId: user.id,
            ...meta,
          });
          return { sid: session.token };
        }
        const valid = await validateAuthSession(db, tenant.id, token.sid);
        // Throwing makes next-auth clear the cookie: the session was revoked or expired.
        if (!valid) throw new Error("session is no longer valid");
        return { sid: token.sid };
      },
      async session({ session, token }) {
        const valid = await validateAuthSession(db, tenant.id, token.sid);
        if (!valid) return { expires: session.expires };
        return {
          expires: session.expires,
          user: { name: valid.user.name, email: valid.user.email },
        };
      },
      // Same-origin only, built from the validated tenant origin (never from a raw header).
      redirect: ({ url }) => `${tenant.origin}${sameOriginPath(url, tenant.origin)}`,
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeAuthSession(db, tenant.id, token.sid);
      },
    },
  };
}
