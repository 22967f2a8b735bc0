import { escapeHtml } from "../../mail/escape-html";
import type { MailMessage } from "../../mail/mailer";

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/** The password-reset e-mail, branded with the tenant whose portal the request came from. */
export function passwordResetMail(input: {
  to: string;
  tenantName: string;
  resetUrl: string;
  expiresAt: Date;
}): Omit<MailMessage, "from"> {
  const tenant = oneLine(input.tenantName);
  const until = input.expiresAt.toUTCString();
  const text = [
    `Someone asked to reset the password of your ${tenant} account.`,
    "",
    `Choose a new password: ${input.resetUrl}`,
    "",
    `The link works once and expires ${until}. If you did not ask for it, ignore this e-mail; your password stays as it is.`,
  ].join("\n");
  const h = escapeHtml;
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>Someone asked to reset the password of your <strong>${h(tenant)}</strong> account.</p>
<p><a href="${h(input.resetUrl)}">Choose a new password</a></p>
<p>The link works once and expires ${h(until)}. If you did not ask for it, ignore this e-mail; your password stays as it is.</p>
</body></html>`;
  return { to: input.to, subject: `Reset your ${tenant} password`, text, html };
}
