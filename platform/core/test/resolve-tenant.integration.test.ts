import { beforeEach, describe, expect, it } from "vitest";
import { clearTenantCache, resolveTenantByHost } from "../src/tenancy/resolve-tenant";

import { setupWorld } from "./helpers";
import { testConfig } from "./seed";

const s = setupWorld();
beforeEach(() => clearTenantCache(s.t.app));

const resolve = (host: string, cfg = testConfig) => resolveTenantByHost(s.t.app, host, cfg);

describe("resolveTenantByHost (as the app role)", () => {
  it("resolves an agency subdomain with its branding and a config-built origin", async () => {
    expect(await resolve("Alpha.omnify.test:8080")).toEqual({
      id: s.w.alpha,
      kind: "agency",
      slug: "alpha",
      name: "Alpha Agency",
      themeId: "aurora",
      brand: { logo: "/a.svg" },
      host: "alpha.omnify.test",
      origin: "https://alpha.omnify.test",
      agency: {
        id: s.w.alpha,
        slug: "alpha",
        name: "Alpha Agency",
        themeId: "aurora",
        brand: { logo: "/a.svg" },
      },
    });
  });

  it("resolves a sub-account under its agency, carrying the agency's identity", async () => {
    const sub = await resolve("client.alpha.omnify.test");
    expect(sub).toMatchObject({
      id: s.w.client,
      kind: "subaccount",
      slug: "client",
      themeId: "grove",
      origin: "https://client.alpha.omnify.test",
      agency: { id: s.w.alpha, slug: "alpha" },
    });
  });

  it("uses the configured port, never the one in the header", async () => {
    const cfg = { ...testConfig, publicScheme: "http" as const, publicPort: "3000" };
    expect((await resolve("alpha.omnify.test:9999", cfg))?.origin).toBe(
      "http://alpha.omnify.test:3000",
    );
  });

  it("resolves a verified .co.uk custom domain and a sub-account beneath it", async () => {
    expect(await resolve("alpha-agency.co.uk")).toMatchObject({ id: s.w.alpha, kind: "agency" });
    expect(await resolve("client.alpha-agency.co.uk")).toMatchObject({
      id: s.w.client,
      host: "client.alpha-agency.co.uk",
      origin: "https://client.alpha-agency.co.uk",
    });
  });

  it("ignores a pending custom domain", async () => {
    expect(await resolve("pending.example.com")).toBeNull();
    expect(await resolve("client.pending.example.com")).toBeNull();
  });

  it.each([
    "omnify.test",
    "nobody.omnify.test",
    "missing.alpha.omnify.test",
    "client.beta.omnify.test",
    "unknown.example.org",
    "www.omnify.test",
    "a.b.alpha.omnify.test",
    "127.0.0.1",
    "",
    "alpha.omnify.test/x",
  ])("returns null for %j", async (host) => {
    expect(await resolve(host)).toBeNull();
  });

  it("caches hits briefly, and clearTenantCache forgets them", async () => {
    expect(await resolve("beta.omnify.test")).toMatchObject({ name: "Beta Agency" });
    await s.t.admin`update tenants set name = 'Beta Renamed' where id = ${s.w.beta}`;
    expect(await resolve("beta.omnify.test")).toMatchObject({ name: "Beta Agency" });
    clearTenantCache(s.t.app);
    expect(await resolve("beta.omnify.test")).toMatchObject({ name: "Beta Renamed" });
  });

  it("does not cache misses, so a new domain works at once", async () => {
    expect(await resolve("beta-brand.com")).toBeNull();
    await s.t.admin`insert into tenant_domains (tenant_id, hostname, status, verification_token)
      values (${s.w.beta}, 'beta-brand.com', 'verified', 'v3')`;
    expect(await resolve("beta-brand.com")).toMatchObject({ id: s.w.beta });
  });
});
