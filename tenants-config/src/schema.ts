import { agencyRoles, subaccountRoles } from "@omnify/db";
import { z } from "zod";
import { findDuplicates } from "./duplicates";
import {
  agencySlugField,
  emailField,
  hexColourField,
  hostnameField,
  nameField,
  planField,
  pluginIdField,
  slugField,
  themeField,
} from "./fields";

/** Lists whose entries must be unique get a per-entry error, so the path points at the copy. */
function uniqueList<T extends z.ZodType>(
  item: T,
  key: (value: z.output<T>) => string,
  what: string,
  field?: string,
) {
  return z.array(item).superRefine((items, ctx) => {
    for (const { index, first } of findDuplicates(items.map(key))) {
      ctx.addIssue({
        code: "custom",
        path: field ? [index, field] : [index],
        message: `duplicate ${what}: already listed at index ${first}`,
      });
    }
  });
}

const pluginsField = uniqueList(pluginIdField, (id) => id, "plugin");

function membersField<R extends readonly [string, ...string[]]>(roles: R) {
  const member = z.strictObject({ email: emailField, name: nameField, role: z.enum(roles) });
  return uniqueList(member, (m) => m.email, "member e-mail", "email");
}

const domainSchema = z.strictObject({
  hostname: hostnameField,
  /** Dev/demo shortcut: marks the domain verified without the DNS check. */
  verified: z.boolean().optional(),
});

const brandSchema = z.strictObject({
  productName: z.string().trim().min(1).max(60).optional(),
  supportEmail: emailField.optional(),
  colors: z.strictObject({ primary: hexColourField, accent: hexColourField }).partial().optional(),
});

/** A sub-account: theme and plan default to the agency's, plugins to none. */
export const subaccountSchema = z.strictObject({
  slug: slugField,
  name: nameField,
  theme: themeField.optional(),
  plan: planField.optional(),
  plugins: pluginsField.optional(),
  members: membersField(subaccountRoles),
});

/** One agency file: the agency, its custom domains, staff and sub-accounts. */
export const tenantSchema = z
  .strictObject({
    slug: agencySlugField,
    name: nameField,
    theme: themeField,
    plan: planField,
    plugins: pluginsField,
    domains: uniqueList(domainSchema, (d) => d.hostname, "domain", "hostname").default([]),
    brand: brandSchema.optional(),
    members: membersField(agencyRoles),
    subaccounts: uniqueList(subaccountSchema, (s) => s.slug, "sub-account slug", "slug").default(
      [],
    ),
  })
  .refine((agency) => agency.members.some((m) => m.role === "agency_owner"), {
    path: ["members"],
    message: "an agency needs at least one agency_owner",
  });

/** What a tenant file may contain (optional fields may be left out). */
export type TenantInput = z.input<typeof tenantSchema>;
/** A validated tenant, defaults filled in. */
export type TenantDefinition = z.output<typeof tenantSchema>;
export type SubaccountDefinition = z.output<typeof subaccountSchema>;

/**
 * Types a tenant file. It returns its argument unchanged: the loader validates at run
 * time, this only lets the editor flag a misspelt field or a wrong theme while typing.
 */
export function defineTenant(def: TenantInput): TenantInput {
  return def;
}
