import { randomUUID } from "node:crypto";
import {
  type AppDatabase,
  and,
  eq,
  invitations,
  type MembershipRole,
  memberships,
  sql,
  type Tx,
  users,
} from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/password";
import { billingAccessInTransaction } from "../billing/entitlements";
import { badInput, DomainError } from "../errors";
import { emitTenantEvent } from "../plugins/emit-event";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { isUniqueViolation } from "../unique-violation";
import { findInvitationByToken, type InvitationRow, invitationState } from "./find-invitation";

export type AcceptInvitationInput = {
  tenant: ResolvedTenant;
  token: string;
  name?: string | null;
  password?: string | null;
  /** The user signed in on this tenant's host, if any. */
  signedInUserId?: string | null;
  request?: RequestMeta | null;
};

export type AcceptedInvitation = {
  userId: string;
  email: string;
  role: MembershipRole;
  created: boolean;
};

const MAX_NAME_LENGTH = 100;

function assertUsable(row: InvitationRow | null, now: Date): InvitationRow {
  if (!row) throw new DomainError("NOT_FOUND", "This invitation link is not valid", "token");
  const state = invitationState(row, now);
  if (state === "accepted") {
    throw new DomainError("CONFLICT", "This invitation has already been used", "token");
  }
  if (state === "expired")
    throw new DomainError("BAD_INPUT", "This invitation has expired", "token");
  if (state === "revoked") {
    throw new DomainError("BAD_INPUT", "This invitation was withdrawn or replaced", "token");
  }
  return row;
}

/** Links the invitation to the account that already owns its e-mail, proving it is theirs. */
async function linkExisting(
  existing: { id: string; password_hash: string | null },
  input: AcceptInvitationInput,
): Promise<string> {
  if (input.signedInUserId === existing.id) return existing.id;
  if (input.password) {
    if (existing.password_hash && (await verifyPassword(existing.password_hash, input.password))) {
      return existing.id;
    }
    throw new DomainError(
      "UNAUTHORIZED",
      "That password is not right for this account",
      "password",
    );
  }
  throw new DomainError(
    "UNAUTHORIZED",
    "An account with this e-mail exists: sign in as it or enter its password",
    "password",
  );
}

async function createUser(tx: Tx, email: string, input: AcceptInvitationInput): Promise<string> {
  const name = input.name?.trim() ?? "";
  if (!name) throw badInput("name", "Enter your name");
  if (name.length > MAX_NAME_LENGTH) {
    throw badInput("name", `Use at most ${MAX_NAME_LENGTH} characters`);
  }
  const password = input.password ?? "";
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput("password", `Use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  // The id is chosen here because RETURNING would need the new row to be visible, and RLS
  // shows a user to a tenant only once the membership exists.
  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  try {
    await tx.insert(users).values({ id, email, name, passwordHash });
  } catch (error) {
    // Someone signed up with this e-mail between the lookup and the insert.
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "An account with this e-mail was just created", "email");
    }
    throw error;
  }
  return id;
}

/**
 * Accepts an invitation: links or creates the account, adds the membership, marks the
 * invitation accepted and announces `member.joined`, all in one transaction.
 */
export async function acceptInvitation(
  db: AppDatabase,
  input: AcceptInvitationInput,
  now = new Date(),
): Promise<AcceptedInvitation> {
  const { tenant } = input;
  return db.withTenant(tenant.id, async (tx) => {
    const row = assertUsable(
      await findInvitationByToken(tx, tenant.id, input.token, { lock: true }),
      now,
    );
    // Joining is a write like any other: a workspace that is read-only for an overdue
    // payment takes no new members (the invitation stays pending for after it is paid).
    if ((await billingAccessInTransaction(tx, tenant.id, now)).readOnly)
      throw new DomainError(
        "FORBIDDEN",
        `${tenant.name} is read-only while a payment is overdue, so it cannot take new members yet; ask whoever invited you, then accept again`,
        "token",
      );
    const [existing] = await tx.execute<{ id: string; password_hash: string | null }>(
      sql`select id, password_hash from app.user_for_login(${row.email})`,
    );
    const userId = existing
      ? await linkExisting(existing, input)
      : await createUser(tx, row.email, input);

    const added = await tx
      .insert(memberships)
      .values({ tenantId: tenant.id, userId, role: row.role })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (added.length === 0) {
      throw new DomainError("CONFLICT", `${row.email} is already a member`, "token");
    }
    await tx
      .update(invitations)
      .set({ status: "accepted", acceptedAt: now })
      .where(and(eq(invitations.id, row.id), eq(invitations.tenantId, tenant.id)));
    await emitTenantEvent(tx, "member.joined", { userId, email: row.email, role: row.role });
    await recordAudit(tx, {
      action: "invitation.accepted",
      actor: { userId, label: row.email },
      target: { type: "invitation", id: row.id },
      request: input.request,
      metadata: { role: row.role, accountCreated: !existing },
    });
    return { userId, email: row.email, role: row.role, created: !existing };
  });
}
