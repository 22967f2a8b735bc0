import { type Tx, tenants } from "@omnify/db";
import { recordAudit } from "../audit/record";
import { assertWithinLimit } from "../billing/entitlements";
import { badInput, DomainError } from "../errors";
import { isUniqueViolation } from "../unique-violation";
import type { ResolvedTenant } from "./resolved-tenant";

const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export type CreateSubaccountInput = { name: string; slug: string };

/**
 * An agency admin adds a client workspace (`<slug>.<agency host>`), in the agency's theme.
 * The agency's plan caps how many it may have: past the cap the refusal names the limit and
 * the plan to upgrade to, and nothing is written. `tx` is the agency's transaction.
 */
export async function createSubaccount(
  tx: Tx,
  agency: ResolvedTenant,
  actor: { userId: string },
  input: CreateSubaccountInput,
): Promise<{ id: string; slug: string; name: string }> {
  if (agency.kind !== "agency")
    throw new DomainError("FORBIDDEN", "Only an agency has sub-accounts");
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > 100) throw badInput("name", "must be 1 to 100 characters");
  const slug = typeof input.slug === "string" ? input.slug.trim().toLowerCase() : "";
  if (!SLUG.test(slug))
    throw badInput("slug", "must be lowercase letters, digits and dashes (one DNS label)");
  await assertWithinLimit(tx, agency.id, "subaccounts");
  const [row] = await tx
    .insert(tenants)
    .values({ kind: "subaccount", parentId: agency.id, slug, name, themeId: agency.themeId })
    .returning({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw badInput("slug", `"${slug}" is already a sub-account`);
      throw e;
    });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    action: "subaccount.created",
    actor: { userId: actor.userId },
    target: { type: "tenant", id: row.id },
    metadata: { slug, name },
  });
  return row;
}
