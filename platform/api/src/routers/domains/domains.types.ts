import { domainStatuses } from "@omnify/db";
import { z } from "zod";

export const ZDomain = z.object({
  id: z.uuid(),
  hostname: z.string(),
  status: z.enum(domainStatuses),
  statusReason: z.string().nullable(),
  checkedAt: z.date().nullable(),
  verifiedAt: z.date().nullable(),
  createdAt: z.date(),
  txtName: z.string(),
  txtValue: z.string(),
  cnameTarget: z.string(),
});

export const ZFindDomainsOutput = z.object({ domains: z.array(ZDomain) });
// The hostname stays a plain string: core validates it and names the field.
export const ZCreateDomainInput = z.object({ hostname: z.string().max(300) });
export const ZDomainIdInput = z.object({ id: z.uuid() });
export const ZDeleteDomainOutput = z.object({ hostname: z.string() });
