import { asc, type Tx, tenantDomains } from "@omnify/db";
import type { CoreConfig } from "../env";
import type { DomainStatus, DomainSummary } from "./domain-types";
import { cnameTarget, verificationRecord } from "./hostname-rules";

type DomainRow = typeof tenantDomains.$inferSelect;

/** Shapes a row for the settings page, with the DNS records the agency must create. */
export function toDomainSummary(
  row: DomainRow,
  config: Pick<CoreConfig, "platformHost">,
): DomainSummary {
  const record = verificationRecord(row.hostname, row.verificationToken);
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.status as DomainStatus,
    statusReason: row.statusReason,
    checkedAt: row.checkedAt,
    verifiedAt: row.verifiedAt,
    createdAt: row.createdAt,
    txtName: record.name,
    txtValue: record.value,
    cnameTarget: cnameTarget(config),
  };
}

/** The tenant's custom domains. `tx` is a withTenant transaction of that tenant. */
export async function listDomains(
  tx: Tx,
  config: Pick<CoreConfig, "platformHost">,
): Promise<DomainSummary[]> {
  const rows = await tx.select().from(tenantDomains).orderBy(asc(tenantDomains.hostname));
  return rows.map((row) => toDomainSummary(row, config));
}
