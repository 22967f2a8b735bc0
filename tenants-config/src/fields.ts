import { parseHost } from "@omnify/core/tenancy/parse-host";
import { themeIds } from "@omnify/themes";
import { z } from "zod";
import { isReservedSlug } from "./reserved";

/** The same rule as the `tenants_slug_check` constraint: one DNS label, lowercase. */
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const PLUGIN_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A sub-account slug: the first label of `<sub>.<agency>.<platform host>`. */
export const slugField = z.string().regex(DNS_LABEL, {
  message: "must be a DNS label: a-z, 0-9 and inner hyphens, at most 63 characters",
});

/** An agency slug is a label right under the platform host, so reserved labels are refused. */
export const agencySlugField = slugField.refine((slug) => !isReservedSlug(slug), {
  message: "is reserved for the platform (RESERVED_SUBDOMAINS in @omnify/core)",
});

export const nameField = z.string().trim().min(1).max(100);

export const themeField = z.enum(themeIds);

export const plans = ["free", "basic", "pro", "enterprise"] as const;
export const planField = z.enum(plans);

export const pluginIdField = z.string().max(64).regex(PLUGIN_ID, {
  message: "must be a plugin id such as utm-links (a-z, 0-9, single inner hyphens)",
});

/** Lowercase only, because the database compares e-mails case-insensitively (citext). */
export const emailField = z
  .email()
  .refine((email) => email === email.toLowerCase(), { message: "must be lowercase" });

function isHostname(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split(".");
  // At least name + TLD, and an all-numeric TLD would be an IP address, not a domain.
  if (labels.length < 2 || /^\d+$/.test(labels.at(-1) ?? "")) return false;
  return labels.every((label) => DNS_LABEL.test(label));
}

/**
 * Why `host` cannot be a custom domain, if it cannot. Core's host parser has the last word
 * (public-suffix aware), checked against the default platform host so `*.localhost` is refused.
 */
function customDomainProblem(host: string): string | undefined {
  if (host !== host.toLowerCase()) return "must be lowercase";
  if (!isHostname(host)) {
    return "must be a host name such as portal.example.com (no scheme, port or path)";
  }
  try {
    const parsed = parseHost(host, { platformHost: "localhost" });
    if (parsed.kind !== "custom") return "is a platform host, not a custom domain";
  } catch (error) {
    return `is not a usable custom domain: ${error instanceof Error ? error.message : error}`;
  }
  return undefined;
}

export const hostnameField = z.string().superRefine((host, ctx) => {
  const problem = customDomainProblem(host);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const hexColourField = z
  .string()
  .regex(HEX_COLOUR, { message: "must be a #rrggbb hex colour" });
