import { sendUsageAlertMails } from "@omnify/core/billing/usage/alert-mails";
import { createMailer } from "@omnify/core/mail/mailer";
import type { z } from "zod";
import { readUsageJobEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { usageStripePayload } from "./usage-stripe";

const usageAlertMails: JobHandler<z.output<typeof usageStripePayload>> = async (
  _p,
  { db, log },
) => {
  const { core } = readUsageJobEnv();
  const sent = await sendUsageAlertMails(db, createMailer(core), core);
  if (sent > 0) log.info(`[worker] usage-alert-mails: ${sent} alert(s) e-mailed`);
  return { sent };
};

export default usageAlertMails;
