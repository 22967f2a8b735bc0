import { decode } from "next-auth/jwt";
import { cookieName } from "../lib/cookies";
import { getDeps } from "./deps";

/**
 * The opaque session token (`sid`) from the next-auth JWT cookie, or null. This only
 * proves the cookie was minted by us; callers must still validateAuthSession() it
 * against the host's tenant.
 */
export async function sessionTokenFromCookie(
  readCookie: (name: string) => string | undefined,
): Promise<string | null> {
  const { env } = getDeps();
  const raw = readCookie(cookieName("sessionToken", env.core.publicScheme));
  if (!raw) return null;
  try {
    const jwt = await decode({ token: raw, secret: env.NEXTAUTH_SECRET });
    return typeof jwt?.sid === "string" ? jwt.sid : null;
  } catch {
    // A cookie from another secret or a tampered one is simply "signed out".
    return null;
  }
}
