import {
  type MailBlock,
  type MailBrand,
  oneLine,
  type RenderedMail,
  renderBrandedMail,
} from "../layout";

// Keyed by membership role; no @omnify/db import, so Storybook can render this template.
const ROLE_LABELS = {
  agency_owner: "an owner",
  agency_admin: "an admin",
  agency_member: "a team member",
  subaccount_admin: "an admin",
  subaccount_member: "a member",
} as const satisfies Record<string, string>;

export type InvitationMailInput = {
  to: string;
  /** The look and product name of the mail (the agency's white-label brand). */
  brand: MailBrand;
  tenantName: string;
  /** The agency whose brand the mail carries (same as tenantName for an agency). */
  agencyName: string;
  inviterName: string | null;
  role: keyof typeof ROLE_LABELS;
  acceptUrl: string;
  expiresAt: Date;
};

/** The invitation e-mail, in the inviting agency's brand. Names are escaped by the layout. */
export function invitationMail(input: InvitationMailInput): RenderedMail & { to: string } {
  const tenant = oneLine(input.tenantName);
  const agency = oneLine(input.agencyName);
  const inviter = input.inviterName ? oneLine(input.inviterName) : null;
  const role = ROLE_LABELS[input.role];
  const via = agency !== tenant ? ` (via ${agency})` : "";
  const blocks: MailBlock[] = [
    {
      kind: "paragraph",
      text: [
        inviter ? `${inviter} invited you` : "You have been invited",
        " to join ",
        { strong: tenant },
        `${via} as ${role}.`,
      ],
    },
    { kind: "button", label: "Accept the invitation", url: input.acceptUrl },
    {
      kind: "note",
      text: `The link works once and expires ${input.expiresAt.toUTCString()}. If you did not expect it, ignore this e-mail.`,
    },
  ];
  const mail = renderBrandedMail(input.brand, {
    subject: `You're invited to join ${tenant}${agency !== tenant ? ` on ${agency}` : ""}`,
    preheader: `Join ${tenant} on ${oneLine(input.brand.productName)}`,
    heading: `Join ${tenant}`,
    blocks,
  });
  return { to: input.to, ...mail };
}
