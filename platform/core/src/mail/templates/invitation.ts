import type { MembershipRole } from "@omnify/db";
import { escapeHtml } from "../escape-html";
import type { MailMessage } from "../mailer";

const ROLE_LABELS: Record<MembershipRole, string> = {
  agency_owner: "an owner",
  agency_admin: "an admin",
  agency_member: "a team member",
  subaccount_admin: "an admin",
  subaccount_member: "a member",
};

export type InvitationMailInput = {
  to: string;
  tenantName: string;
  /** The agency whose brand the mail carries (same as tenantName for an agency). */
  agencyName: string;
  inviterName: string | null;
  role: MembershipRole;
  acceptUrl: string;
  expiresAt: Date;
};

// Tenant and inviter names are chosen by customers; a name such as "<a href=evil>" must not
// turn into markup, and a newline must not break the subject header.
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/** The invitation e-mail, branded with the inviting tenant's name. */
export function invitationMail(input: InvitationMailInput): Omit<MailMessage, "from"> {
  const tenant = oneLine(input.tenantName);
  const agency = oneLine(input.agencyName);
  const inviter = input.inviterName ? oneLine(input.inviterName) : null;
  const role = ROLE_LABELS[input.role];
  const who = inviter ? `${inviter} invited you` : "You have been invited";
  const until = input.expiresAt.toUTCString();
  const via = agency !== tenant ? ` (via ${agency})` : "";

  const text = [
    `${who} to join ${tenant}${via} as ${role}.`,
    "",
    `Accept the invitation: ${input.acceptUrl}`,
    "",
    `The link works once and expires ${until}. If you did not expect it, ignore this e-mail.`,
  ].join("\n");

  const h = escapeHtml;
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>${h(who)} to join <strong>${h(tenant)}</strong>${h(via)} as ${h(role)}.</p>
<p><a href="${h(input.acceptUrl)}">Accept the invitation</a></p>
<p>The link works once and expires ${h(until)}. If you did not expect it, ignore this e-mail.</p>
</body></html>`;

  const subject = `You're invited to join ${tenant}${agency !== tenant ? ` on ${agency}` : ""}`;
  return { to: input.to, subject, text, html };
}
