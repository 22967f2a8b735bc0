import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import type { CoreConfig } from "../env";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  from?: string;
  /** Where replies go: the brand's support address. */
  replyTo?: string;
};

export interface Mailer {
  send(msg: MailMessage): Promise<void>;
}

type MailConfig = Pick<CoreConfig, "smtpUrl" | "mailFrom" | "mailOutbox">;

/** SMTP when SMTP_URL is set; otherwise a log mailer for development and e2e tests. */
export function createMailer(config: MailConfig): Mailer {
  return config.smtpUrl
    ? createSmtpMailer(config.smtpUrl, config.mailFrom)
    : createLogMailer(config);
}

function createSmtpMailer(smtpUrl: string, defaultFrom: string): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async send(msg) {
      await transport.sendMail({ ...msg, from: msg.from ?? defaultFrom });
    },
  };
}

/**
 * Prints each message, and when an outbox directory is configured also writes it there as
 * JSON, one file per message, so end-to-end tests can follow the links inside.
 */
export function createLogMailer(
  config: Pick<CoreConfig, "mailFrom" | "mailOutbox">,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Mailer {
  return {
    async send(msg) {
      const from = msg.from ?? config.mailFrom;
      const sentAt = new Date();
      write(`[mail] to=${msg.to} subject=${JSON.stringify(msg.subject)}\n${msg.text}\n`);
      if (!config.mailOutbox) return;
      await mkdir(config.mailOutbox, { recursive: true });
      const name = `${sentAt.getTime()}-${randomBytes(4).toString("hex")}.json`;
      const body = {
        to: msg.to,
        from,
        ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
      };
      await writeFile(
        join(config.mailOutbox, name),
        JSON.stringify({ ...body, sentAt: sentAt.toISOString() }, null, 2),
      );
    },
  };
}
