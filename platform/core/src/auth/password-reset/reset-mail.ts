import { type MailBrand, oneLine, type RenderedMail, renderBrandedMail } from "../../mail/layout";

/** The password-reset e-mail, in the brand of the portal the request came from. */
export function passwordResetMail(input: {
  to: string;
  brand: MailBrand;
  tenantName: string;
  resetUrl: string;
  expiresAt: Date;
}): RenderedMail & { to: string } {
  const tenant = oneLine(input.tenantName);
  const mail = renderBrandedMail(input.brand, {
    subject: `Reset your ${tenant} password`,
    heading: "Choose a new password",
    blocks: [
      {
        kind: "paragraph",
        text: ["Someone asked to reset the password of your ", { strong: tenant }, " account."],
      },
      { kind: "button", label: "Choose a new password", url: input.resetUrl },
      {
        kind: "note",
        text: `The link works once and expires ${input.expiresAt.toUTCString()}. If you did not ask for it, ignore this e-mail; your password stays as it is.`,
      },
    ],
  });
  return { to: input.to, ...mail };
}
