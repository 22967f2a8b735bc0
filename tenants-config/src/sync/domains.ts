import { randomBytes } from "node:crypto";
import { and, eq, sql, type Tx, tenantDomains } from "@omnify/db";

export type Domain = { hostname: string; verified?: boolean | undefined };

/** PostgreSQL's unique_violation, which drizzle wraps in its own error's `cause`. */
function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === "23505";
}

/**
 * Adds listed custom domains, pending unless the config says `verified: true`. Never
 * removes a domain or downgrades one the portal verified: agencies manage domains there too.
 */
export async function syncDomains(tx: Tx, agencyId: string, domains: readonly Domain[]) {
  const changes: string[] = [];
  const rows = await tx
    .select({ hostname: tenantDomains.hostname, status: tenantDomains.status })
    .from(tenantDomains)
    .where(eq(tenantDomains.tenantId, agencyId));
  const have = new Map(rows.map((r) => [r.hostname, r.status]));

  for (const { hostname, verified } of domains) {
    const status = have.get(hostname);
    if (status === undefined) {
      try {
        await tx.insert(tenantDomains).values({
          tenantId: agencyId,
          hostname,
          status: verified ? "verified" : "pending",
          verificationToken: randomBytes(16).toString("hex"),
          verifiedAt: verified ? sql`now()` : null,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new Error(`custom domain "${hostname}" already belongs to another tenant`, {
          cause: error,
        });
      }
      changes.push(`domain +${hostname}${verified ? " (verified)" : ""}`);
    } else if (verified && status !== "verified") {
      await tx
        .update(tenantDomains)
        .set({ status: "verified", verifiedAt: sql`now()` })
        .where(and(eq(tenantDomains.tenantId, agencyId), eq(tenantDomains.hostname, hostname)));
      changes.push(`domain ${hostname} verified`);
    }
  }
  return changes;
}
