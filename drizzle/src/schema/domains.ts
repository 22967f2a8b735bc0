import { sql } from "drizzle-orm";
import { check, index, text, uuid } from "drizzle-orm/pg-core";
import { definerReadPolicy } from "../policies/tenant";
import { createdAt, timestamptz } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

export const domainStatuses = ["pending", "verified", "misconfigured"] as const;

/** Host names that route to a tenant: an agency's custom domains. */
export const tenantDomains = tenantTable(
  "tenant_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    hostname: text("hostname").notNull().unique(),
    status: text("status", { enum: domainStatuses }).notNull().default("pending"),
    verificationToken: text("verification_token").notNull(),
    /** Why the last check left the domain pending or misconfigured, in words for a person. */
    statusReason: text("status_reason"),
    checkedAt: timestamptz("checked_at"),
    verifiedAt: timestamptz("verified_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("tenant_domains_tenant_idx").on(t.tenantId),
    check("tenant_domains_hostname_lower", sql`${t.hostname} = lower(${t.hostname})`),
    definerReadPolicy(),
  ],
);
