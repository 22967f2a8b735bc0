import { escapeHtml } from "../escape-html";
import type { MailMessage } from "../mailer";

export type UsageAlertMailInput = {
  to: string;
  tenantName: string;
  /** e.g. "AI tokens a month". */
  quotaLabel: string;
  threshold: number;
  used: number;
  quota: number;
  /** "upgrade to Basic in Settings → Billing". */
  upgrade: string;
  usageUrl: string;
};

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();
const fmt = (n: number) => n.toLocaleString("en-US");

/** The 80% / 100% quota alert sent to a workspace's owners and admins. */
export function usageAlertMail(input: UsageAlertMailInput): Omit<MailMessage, "from"> {
  const tenant = oneLine(input.tenantName);
  const reached = input.threshold >= 100 ? "has used all of" : `has used ${input.threshold}% of`;
  const subject = `${tenant} ${reached} its ${input.quotaLabel}`;
  const line = `${tenant} ${reached} its ${fmt(input.quota)} ${input.quotaLabel} (${fmt(input.used)} used this month).`;
  const next =
    input.threshold >= 100
      ? `Further usage is refused until next month: ${input.upgrade}.`
      : `To avoid interruptions, ${input.upgrade}.`;
  const h = escapeHtml;
  return {
    to: input.to,
    subject,
    text: [line, next, "", `See usage: ${input.usageUrl}`].join("\n"),
    html: `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>${h(line)}</p>
<p>${h(next)}</p>
<p><a href="${h(input.usageUrl)}">See usage</a></p>
</body></html>`,
  };
}
