import { recordSignIn } from "@omnify/core/audit/sign-in";
import { findEffectiveRole } from "@omnify/core/auth/effective-role";
import { consumeHandoffToken } from "@omnify/core/auth/handoff";
import { passwordSignIn } from "@omnify/core/auth/mfa/password-sign-in";
import { getMfaStatus } from "@omnify/core/auth/mfa/verify";
import {
  createAuthSession,
  revokeAuthSession,
  SESSION_TTL_MS,
  validateAuthSession,
} from "@omnify/core/auth/sessions";
import { markSessionReauthenticated } from "@omnify/core/auth/step-up/reauthenticate";
import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { sameOriginPath } from "../lib/callback-url";
import { authCookies } from "../lib/cookies";
import { getDeps } from "./deps";
import { GITHUB_NO_MATCH, githubEndpoints, githubUserForTenant } from "./github";

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
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        code: { type: "text" },
      },
      // Throttle, password, role here and the second factor all live in passwordSignIn.
      // A thrown message reaches the form as `error` (mfa_required, mfa_invalid,
      // throttled:<seconds>); a plain failure stays next-auth's generic CredentialsSignin.
      async authorize(credentials) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const input = { tenant, email, password, code: credentials?.code, ...meta };
        const result = await passwordSignIn(db, input, env.OMNIFY_SECRET);
        if (result.ok)
          return { id: result.user.id, name: result.user.name, email: result.user.email };
        if (result.reason === "invalid") return null;
        throw new Error(
          result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.reason,
        );
      },
    }),
    CredentialsProvider({
      id: "handoff",
      name: "Handoff",
      credentials: { token: { type: "text" } },
      async authorize(credentials) {
        const userId = await consumeHandoffToken(db, tenant.id, credentials?.token);
        const user = await admit(userId ? { id: userId } : null);
        const audited = { tenantId: tenant.id, method: "handoff" as const, request: meta };
        await recordSignIn(db, { ...audited, userId: user?.id ?? null });
        return user;
      },
    }),
  ];
  if (env.githubEnabled && env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.GITHUB_ID,
        clientSecret: env.GITHUB_SECRET,
        ...githubEndpoints(env),
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
      // GitHub users without a match come back as GITHUB_NO_MATCH.
      // GitHub does not ask for our TOTP code, so it is refused for accounts with MFA on.
      async signIn({ user, account }) {
        if (!user.id || user.id === GITHUB_NO_MATCH) return false;
        if (account?.provider !== "github") return true;
        const mfa = await db.withoutTenant((tx) => getMfaStatus(tx, user.id), { userId: user.id });
        return !mfa.enabled;
      },
      // A new session row (and so a new token) on every sign-in: a session id planted in
      // the browser beforehand is never adopted (session fixation).
      async jwt({ token, user, account }) {
        if (user) {
          const session = await createAuthSession(db, {
            tenantId: tenant.id,
            userId: user.id,
            ...meta,
          });
          // A password (+ code) sign-in is a fresh confirmation for step-up; a handoff is not.
          if (account?.provider === "credentials") {
            await markSessionReauthenticated(db, tenant.id, session.token);
          }
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
