import type { AppDatabase, SubscriptionStatus, Tx } from "@omnify/db";
import { hashSecretToken, isWellFormedToken } from "../auth/secret-token";
import { sessionFromFacts, type ValidatedSession } from "../auth/sessions";
import { isReadOnly } from "../billing/state-machine";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import type { Actor } from "./authorize";
import { readContextFacts } from "./request-context-facts";
import { actorFromFacts } from "./resolve-access";

/** The billed agency's access: read-only once a payment is overdue past the grace period. */
export type BillingAccess = { status: SubscriptionStatus | "none"; readOnly: boolean };

/**
 * Everything a signed-in request needs before its own work: the live session, the actor
 * (null: signed in but no access here), whether required MFA is still missing, and whether
 * the workspace is read-only for billing.
 */
export type RequestContext = {
  session: ValidatedSession;
  actor: Actor | null;
  mfaEnrolmentMissing: boolean;
  billing: BillingAccess;
};

/**
 * The request context for a session token, from one statement (`app.request_context()`) in
 * a transaction of the host's tenant; null for an unknown, revoked or expired session. The
 * transaction then acts as the session's user.
 */
export async function requestContextInTransaction(
  tx: Tx,
  tenant: ResolvedTenant,
  token: string | null | undefined,
  now = new Date(),
): Promise<RequestContext | null> {
  if (!isWellFormedToken(token)) return null;
  const sessionId = hashSecretToken(token);
  const facts = await readContextFacts(tx, { sessionId }, now);
  if (!facts) return null;
  const session = await sessionFromFacts(tx, sessionId, facts, now);
  if (!session) return null;
  const sub = facts.billing;
  const pastDueSince = sub?.pastDueSince ? new Date(sub.pastDueSince) : null;
  return {
    session,
    actor: actorFromFacts(tenant, facts),
    mfaEnrolmentMissing: facts.mfaRequired && !facts.mfaEnabled,
    billing: {
      status: sub?.status ?? "none",
      readOnly: isReadOnly(sub ? { status: sub.status, pastDueSince } : undefined, now),
    },
  };
}

/** requestContextInTransaction in a transaction of its own (page renders, own-transaction procedures). */
export function loadRequestContext(
  db: AppDatabase,
  tenant: ResolvedTenant,
  token: string | null | undefined,
  now = new Date(),
): Promise<RequestContext | null> {
  if (!isWellFormedToken(token)) return Promise.resolve(null);
  return db.withTenant(tenant.id, (tx) => requestContextInTransaction(tx, tenant, token, now));
}
