import { describe, expect, it } from "vitest";
import { defineTenant, reservedSlugs, tenantSchema } from "../src";
import evergreen from "../src/tenants/evergreen";
import northwind from "../src/tenants/northwind";
import sunset from "../src/tenants/sunset";
import { agency } from "./temp-files";

/** The first problem zod reports, as `path: message`. */
function firstIssue(value: unknown): string {
  const result = tenantSchema.safeParse(value);
  if (result.success) return "valid";
  const issue = result.error.issues[0];
  return `${issue?.path.join(".")}: ${issue?.message}`;
}

describe("tenant schema", () => {
  it("accepts the demo tenants and fills defaults", () => {
    for (const def of [northwind, sunset, evergreen]) expect(firstIssue(def)).toBe("valid");
    expect(tenantSchema.parse(evergreen)).toMatchObject({ subaccounts: [], domains: [] });
  });

  it("defineTenant returns its argument untouched", () => {
    const def = agency("solo") as Parameters<typeof defineTenant>[0];
    expect(defineTenant(def)).toBe(def);
  });

  it("rejects a misspelt field anywhere, since every object is strict", () => {
    const bad = agency("x", {
      subaccounts: [{ slug: "s", name: "S", members: [], themee: "aurora" }],
    });
    const result = tenantSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["themee"] });
  });

  it("rejects reserved agency slugs, using core's list, and malformed slugs", () => {
    const required =
      "www app api admin auth login mail static assets cdn status help support docs billing dashboard";
    expect(required.split(" ").filter((slug) => !reservedSlugs.has(slug))).toEqual([]);
    expect(firstIssue(agency("api"))).toMatch(/^slug: is reserved/);
    expect(firstIssue(agency("Bad_Slug"))).toMatch(/^slug: must be a DNS label/);
    expect(firstIssue(agency("-x"))).toMatch(/^slug: must be a DNS label/);
    const sub = { slug: "no_underscores", name: "S", members: [] };
    expect(firstIssue(agency("x", { subaccounts: [sub] }))).toMatch(
      /^subaccounts.0.slug: must be a DNS/,
    );
  });

  it("validates e-mails, roles, hostnames, colours and plugin ids", () => {
    const member = (email: string, role = "agency_owner") => ({
      members: [{ email, name: "N", role }],
    });
    expect(firstIssue(agency("x", member("not-an-email")))).toBe(
      "members.0.email: Invalid email address",
    );
    expect(firstIssue(agency("x", member("Owner@x.test")))).toBe(
      "members.0.email: must be lowercase",
    );
    expect(firstIssue(agency("x", member("o@x.test", "subaccount_admin")))).toMatch(
      /^members.0.role/,
    );
    const domain = (hostname: string) => agency("x", { domains: [{ hostname }] });
    expect(firstIssue(domain("Portal.x.test"))).toBe("domains.0.hostname: must be lowercase");
    expect(firstIssue(domain("https://x.test"))).toMatch(
      /^domains.0.hostname: must be a host name/,
    );
    expect(firstIssue(domain("10.0.0.1"))).toMatch(/^domains.0.hostname: must be a host name/);
    expect(firstIssue(domain("x.test:8080"))).toMatch(/^domains.0.hostname: must be a host name/);
    expect(firstIssue(domain("shop.localhost"))).toBe(
      "domains.0.hostname: is a platform host, not a custom domain",
    );
    expect(firstIssue(domain("co.uk"))).toMatch(
      /^domains.0.hostname: is not a usable custom domain/,
    );
    expect(firstIssue(agency("x", { brand: { colors: { primary: "red" } } }))).toBe(
      "brand.colors.primary: must be a #rrggbb hex colour",
    );
    expect(firstIssue(agency("x", { plugins: ["UTM links"] }))).toMatch(
      /^plugins.0: must be a plugin id/,
    );
  });

  it("points duplicates within a file at the second copy", () => {
    const sub = { slug: "s", name: "S", members: [] };
    expect(firstIssue(agency("x", { subaccounts: [sub, sub] }))).toBe(
      "subaccounts.1.slug: duplicate sub-account slug: already listed at index 0",
    );
    const owner = { email: "o@x.test", name: "O", role: "agency_owner" };
    expect(firstIssue(agency("x", { members: [owner, { ...owner, role: "agency_admin" }] }))).toBe(
      "members.1.email: duplicate member e-mail: already listed at index 0",
    );
    expect(firstIssue(agency("x", { plugins: ["a", "a"] }))).toMatch(
      /^plugins.1: duplicate plugin/,
    );
  });

  it("requires an agency owner", () => {
    const members = [{ email: "a@x.test", name: "A", role: "agency_admin" }];
    expect(firstIssue(agency("x", { members }))).toBe(
      "members: an agency needs at least one agency_owner",
    );
  });
});
