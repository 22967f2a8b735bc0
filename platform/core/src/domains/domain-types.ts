import type { domainStatuses } from "@omnify/db";

export type DomainStatus = (typeof domainStatuses)[number];

/** A custom domain as the settings page shows it, with the DNS records to create. */
export type DomainSummary = {
  id: string;
  hostname: string;
  status: DomainStatus;
  statusReason: string | null;
  checkedAt: Date | null;
  verifiedAt: Date | null;
  createdAt: Date;
  txtName: string;
  txtValue: string;
  cnameTarget: string;
};
