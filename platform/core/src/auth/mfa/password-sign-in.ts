import type { AppDatabase } from "@omnify/db";
import { recordSignIn } from "../../audit/sign-in";
import type { ResolvedTenant } from "../../tenancy/resolved-tenant";
import { type AuthenticatedUser, authenticate } from "../authenticate";
import { effectiveRoleInTransaction } from "../effective-role";
import {
  clearLoginFailures,
  recordLoginFailure,
  secondsUntilUnlocked,
  throttleKeys,
} from "../throttle/login-throttle";
import { isMfaRequired } from "./require-mfa";
import { getMfaStatus, verifySecondFactor } from "./verify";

export type PasswordSignIn =
  | { ok: true; user: AuthenticatedUser; mustEnrolMfa: boolean }
  | { ok: false; reason: "invalid" | "mfa_required" | "mfa_invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export type PasswordSignInInput = {
  tenant: ResolvedTenant;
  email: string;
  password: string;
  /** A TOTP or recovery code, sent on the second step once `mfa_required` came back. */
  code?: string | null;
  ip?: string | null;
  /** For the audit record only. */
  userAgent?: string | null;
};

/**
 * The whole e-mail + password sign-in for one tenant's host: throttle, password, role here,
 * then the second factor. A wrong password, an account without a role here and a wrong code
 * all count as failures; `mfa_required` does not (the password was right, the code is the
 * next step). `mustEnrolMfa` tells the portal to send the user to enrolment first.
 */
export async function passwordSignIn(
  db: AppDatabase,
  input: PasswordSignInInput,
  omnifySecret: string,
  now = new Date(),
): Promise<PasswordSignIn> {
  const keys = throttleKeys(input.email, input.ip);
  // Every outcome but `mfa_required` (a step, not a result) lands in the tenant's audit log.
  const audit = (userId: string | null, reason?: string) =>
    recordSignIn(db, {
      tenantId: input.tenant.id,
      method: "password",
      userId,
      email: input.email,
      request: { ip: input.ip, userAgent: input.userAgent },
      reason,
    });
  const wait = await secondsUntilUnlocked(db, keys, now);
  if (wait > 0) {
    await audit(null, "throttled");
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const fail = async (reason: "invalid" | "mfa_invalid"): Promise<PasswordSignIn> => {
    await recordLoginFailure(db, keys, now);
    await audit(null, reason);
    return { ok: false, reason };
  };

  const user = await authenticate(db, { email: input.email, password: input.password });
  if (!user) return fail("invalid");

  const outcome = await db.withTenant(
    input.tenant.id,
    async (tx) => {
      if (!(await effectiveRoleInTransaction(tx, input.tenant, user.id))) return "invalid" as const;
      const status = await getMfaStatus(tx, user.id);
      if (!status.enabled) return (await isMfaRequired(tx, input.tenant)) ? "enrol" : "ok";
      const code = input.code?.trim();
      if (!code) return "mfa_required" as const;
      const factor = await verifySecondFactor(tx, { userId: user.id, code }, omnifySecret, now);
      return factor ? ("ok" as const) : ("mfa_invalid" as const);
    },
    { userId: user.id },
  );
  if (outcome === "invalid" || outcome === "mfa_invalid") return fail(outcome);
  if (outcome === "mfa_required") return { ok: false, reason: outcome };
  await clearLoginFailures(db, input.email);
  await audit(user.id);
  return { ok: true, user, mustEnrolMfa: outcome === "enrol" };
}
