import { and, asc, eq, type Tx, tenantDomains, withinTenant } from "@omnify/db";
import { getEntitlements } from "../billing/entitlements";
import { tenantSupportEmail, tenantTheme } from "../branding/tenant-theme";
import type { CoreConfig } from "../env";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { brandedFrom } from "./branded-from";
import { type MailBrand, mailBrandFromTheme } from "./layout";

export type SenderIdentity = { from: string; replyTo?: string };

/**
 * From: the agency's own verified domain when its plan has `whiteLabelMail`
 * ("<Product> <no-reply@domain>"), else the platform's address showing the product name.
 * Reply-To: the brand's support address, when set.
 */
export function chooseSender(input: {
  productName: string;
  mailFrom: string;
  whiteLabelMail: boolean;
  verifiedDomain: string | null;
  supportEmail: string | null;
}): SenderIdentity {
  const address =
    input.whiteLabelMail && input.verifiedDomain
      ? `no-reply@${input.verifiedDomain}`
      : input.mailFrom;
  return {
    from: brandedFrom(address, input.productName),
    ...(input.supportEmail ? { replyTo: input.supportEmail } : {}),
  };
}

/** The agency's first verified custom domain (oldest verification), read as the agency. */
async function verifiedAgencyDomain(tx: Tx, agencyId: string): Promise<string | null> {
  return withinTenant(tx, agencyId, async () => {
    const [row] = await tx
      .select({ hostname: tenantDomains.hostname })
      .from(tenantDomains)
      .where(and(eq(tenantDomains.tenantId, agencyId), eq(tenantDomains.status, "verified")))
      .orderBy(asc(tenantDomains.verifiedAt), asc(tenantDomains.hostname))
      .limit(1);
    return row?.hostname ?? null;
  });
}

export type TenantMail = { brand: MailBrand; sender: SenderIdentity };

/**
 * Everything a transactional e-mail of this tenant needs: the brand for the layout and the
 * sender identity. Runs inside the caller's tenant transaction (it reads the plan and the
 * agency's verified domains). Sub-accounts mail under their agency's brand.
 */
export async function tenantMail(
  tx: Tx,
  tenant: ResolvedTenant,
  config: Pick<CoreConfig, "mailFrom">,
): Promise<TenantMail> {
  const theme = tenantTheme(tenant);
  const supportEmail = tenantSupportEmail(tenant);
  const { features } = await getEntitlements(tx, tenant.id);
  const verifiedDomain = features.whiteLabelMail
    ? await verifiedAgencyDomain(tx, tenant.agency.id)
    : null;
  return {
    brand: mailBrandFromTheme(theme, { origin: tenant.origin, supportEmail }),
    sender: chooseSender({
      productName: theme.label,
      mailFrom: config.mailFrom,
      whiteLabelMail: features.whiteLabelMail,
      verifiedDomain,
      supportEmail,
    }),
  };
}
