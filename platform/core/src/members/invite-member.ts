import {
  type AppDatabase,
  and,
  eq,
  invitations,
  type MembershipRole,
  membershipRoles,
  memberships,
  users,
} from "@omnify/db";
import { z } from "zod";
import type { Actor } from "../access/authorize";
import { type RequestMeta, recordAudit } from "../audit/record";
import type { EffectiveRole } from "../auth/roles";
import { generateSecretToken, hashSecretToken } from "../auth/secret-token";
import { assertWithinLimit } from "../billing/entitlements";
import type { CoreConfig } from "../env";
import { badInput, DomainError } from "../errors";
import type { Mailer } from "../mail/mailer";
import { tenantMail } from "../mail/sender-identity";
import { invitationMail } from "../mail/templates/invitation";
import { emitTenantEvent } from "../plugins/emit-event";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { isUniqueViolation } from "../unique-violation";
import { assertMayGrant } from "./role-rules";

export const INVITATION_TTL_MS = 7 * 86_400_000;

const emailSchema = z.email().max(254);
const roleSchema = z.enum(membershipRoles);

export type InviteMemberInput = {
  tenant: ResolvedTenant;
  actor: { userId: string; role: EffectiveRole } | Actor;
  email: string;
  role: string;
  mailer: Mailer;
  config: Pick<CoreConfig, "mailFrom">;
  request?: RequestMeta | null;
};

/** Normalises and validates an invitee address; the error names the `email` field. */
export function parseInviteEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success)
    throw badInput("email", "Enter a valid e-mail address");
  return email;
}

/**
 * Invites `email` into the tenant, replacing any pending invitation for that address, and
 * sends the e-mail. Everything, including the send, happens in one transaction: if any step
 * fails nothing is written. Returns the invitation id, never the token.
 */
export async function inviteMember(
  db: AppDatabase,
  input: InviteMemberInput,
  now = new Date(),
): Promise<{ invitationId: string; expiresAt: Date }> {
  const { tenant, actor } = input;
  const email = parseInviteEmail(input.email);
  const parsedRole = roleSchema.safeParse(input.role);
  if (!parsedRole.success) throw badInput("role", "Choose a valid role");
  const role: MembershipRole = parsedRole.data;
  assertMayGrant("permissions" in actor ? actor : actor.role, role, tenant.kind);

  try {
    return await db.withTenant(
      tenant.id,
      async (tx) => {
        const [existing] = await tx
          .select({ id: memberships.id })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.tenantId, tenant.id), eq(users.email, email)));
        if (existing) throw new DomainError("CONFLICT", `${email} is already a member`, "email");

        // Re-inviting replaces the old invitation, so an old link stops working.
        await tx
          .update(invitations)
          .set({ status: "revoked" })
          .where(
            and(
              eq(invitations.tenantId, tenant.id),
              eq(invitations.email, email),
              eq(invitations.status, "pending"),
            ),
          );

        // After the revoke: re-inviting the same address does not take a second seat.
        await assertWithinLimit(tx, tenant.id, "seats", 1, now);

        const token = generateSecretToken();
        const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
        const [row] = await tx
          .insert(invitations)
          .values({
            tenantId: tenant.id,
            email,
            role,
            tokenHash: hashSecretToken(token),
            invitedBy: actor.userId,
            expiresAt,
          })
          .returning({ id: invitations.id });
        if (!row) throw new Error("invitation insert returned no row");

        const [inviter] = await tx
          .select({ name: users.name })
          .from(users)
          .where(eq(users.id, actor.userId));
        await emitTenantEvent(tx, "member.invited", { invitationId: row.id, email, role });
        await recordAudit(tx, {
          action: "member.invited",
          actor: { userId: actor.userId },
          target: { type: "invitation", id: row.id },
          request: input.request,
          metadata: { email, role },
        });
        const { brand, sender } = await tenantMail(tx, tenant, input.config);
        const mail = invitationMail({
          to: email,
          brand,
          tenantName: tenant.name,
          agencyName: tenant.agency.name,
          inviterName: inviter?.name ?? null,
          role,
          acceptUrl: `${tenant.origin}/invite/${token}`,
          expiresAt,
        });
        await input.mailer.send({ ...mail, ...sender });
        return { invitationId: row.id, expiresAt };
      },
      { userId: actor.userId },
    );
  } catch (error) {
    // Two admins inviting the same address at once: the partial unique index picks one.
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", `An invitation to ${email} was just sent`, "email");
    }
    throw error;
  }
}
