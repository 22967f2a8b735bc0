import { type Tx, tenantDomains } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { generateSecretToken } from "../auth/secret-token";
import type { CoreConfig } from "../env";
import { DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { isUniqueViolation } from "../unique-violation";
import type { DomainSummary } from "./domain-types";
import { validateCustomHostname } from "./hostname-rules";
import { toDomainSummary } from "./list-domains";

/** Custom domains route to agencies (app.route_tenant); sub-accounts live under them. */
export function assertAgency(tenant: Pick<ResolvedTenant, "kind">): void {
  if (tenant.kind !== "agency") {
    throw new DomainError("FORBIDDEN", "Only an agency can have custom domains");
  }
}

/**
 * Registers a hostname for the agency, pending until its TXT record checks out. The token
 * is random per domain, so a record left over from a previous owner proves nothing.
 */
export async function addDomain(
  tx: Tx,
  input: {
    tenant: ResolvedTenant;
    hostname: string;
    config: Pick<CoreConfig, "platformHost">;
    actorUserId: string;
    request?: RequestMeta;
  },
): Promise<DomainSummary> {
  assertAgency(input.tenant);
  const hostname = validateCustomHostname(input.hostname, input.config);
  try {
    // A savepoint, so a duplicate leaves the caller's transaction usable.
    const [row] = await tx.transaction((sp) =>
      sp
        .insert(tenantDomains)
        .values({
          tenantId: input.tenant.id,
          hostname,
          verificationToken: generateSecretToken(),
          statusReason: "Waiting for the TXT record",
        })
        .returning(),
    );
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, {
      action: "domain.added",
      actor: { userId: input.actorUserId },
      target: { type: "domain", id: row.id },
      request: input.request,
      metadata: { hostname },
    });
    return toDomainSummary(row, input.config);
  } catch (error) {
    // Hostnames are unique platform-wide; say so without revealing who holds it.
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", `${hostname} is already registered`, "hostname");
    }
    throw error;
  }
}
