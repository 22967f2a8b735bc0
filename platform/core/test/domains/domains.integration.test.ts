import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDomain,
  createDomainResolver,
  type DomainResolver,
  listDomains,
  removeDomain,
  reverifyAllDomains,
  verifyDomain,
} from "../../src/domains/index";
import { resolveTenantByHost } from "../../src/tenancy/resolve-tenant";
import { domainFailure, setupWorld } from "../helpers";
import { testConfig } from "../seed";
import { type LoopbackDns, startLoopbackDns } from "./loopback-dns";

const s = setupWorld();
let dns: LoopbackDns;
let resolver: DomainResolver;
beforeAll(async () => {
  dns = await startLoopbackDns();
  resolver = createDomainResolver(dns.servers);
});
afterAll(() => dns?.close());

const actorUserId = () => s.w.users.owner.id;
const add = (hostname: string, tenant = s.alpha) =>
  s.t.app.withTenant(tenant.id, (tx) =>
    addDomain(tx, { tenant, hostname, config: testConfig, actorUserId: actorUserId() }),
  );
const verify = (id: string) =>
  verifyDomain(s.t.app, { tenant: s.alpha, id, resolver, config: testConfig });
const routes = (host: string) => resolveTenantByHost(s.t.app, host, testConfig);
const domainCount = async () =>
  Number((await s.t.admin`select count(*)::int as n from tenant_domains`)[0]?.n);

describe("adding a custom domain", () => {
  it.each([
    ["", "Enter a domain name"],
    ["https://shop.example.com", "without a scheme"],
    ["shop.example.com:8443", "without a scheme, port or path"],
    ["shop.example.com/path", "without a scheme, port or path"],
    ["192.168.1.10", "not a valid domain name"],
    ["exa mple.com", "without a scheme, port or path"],
    ["-bad.example.com", "not a valid domain name"],
    ["co.uk", "not a valid domain name"],
    ["alpha.omnify.test", "under the platform's own domain"],
    ["admin.omnify.test", "under the platform's own domain"],
    ["a.b.c.omnify.test", "under the platform's own domain"],
    ["portal.localhost", "reserved name"],
    ["printer.local", "reserved name"],
  ])("refuses %j, naming the hostname field and writing nothing", async (hostname, message) => {
    const before = await domainCount();
    const error = await domainFailure(add(hostname));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.field).toBe("hostname");
    expect(error.message).toContain(message);
    expect(await domainCount()).toBe(before);
  });

  it("only agencies have custom domains", async () => {
    const error = await domainFailure(add("client-shop.example.com", s.client));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("stores a pending domain with a random token and shows the records to create", async () => {
    const domain = await add("  Shop.Example.COM. ");
    expect(domain).toMatchObject({
      hostname: "shop.example.com",
      status: "pending",
      txtName: "_omnify-verify.shop.example.com",
      cnameTarget: "cname.omnify.test",
    });
    expect(domain.txtValue).toMatch(/^omnify-verify=[a-z2-7]{32}$/);
    const other = await add("shop2.example.com");
    expect(other.txtValue).not.toBe(domain.txtValue);
    expect(await routes("shop.example.com")).toBeNull();
  });

  it("refuses a hostname another agency holds, without saying who", async () => {
    await add("taken.example.org");
    const error = await domainFailure(add("taken.example.org", s.beta));
    expect(error).toMatchObject({ code: "CONFLICT", field: "hostname" });
    expect(error.message).toBe("taken.example.org is already registered");
  });
});

describe("verification against a real DNS server on loopback", () => {
  it("stays pending until the TXT record exists, then verifies and routes", async () => {
    const domain = await add("brand.example.net");
    const pending = await verify(domain.id);
    expect(pending.status).toBe("pending");
    expect(pending.statusReason).toContain("No TXT record _omnify-verify.brand.example.net");

    dns.setTxt(domain.txtName, ["some-other=thing", domain.txtValue]);
    const verified = await verify(domain.id);
    expect(verified).toMatchObject({ status: "verified", statusReason: null });
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect((await routes("brand.example.net"))?.id).toBe(s.alpha.id);
    // Sub-accounts of the agency live under its custom domain.
    expect((await routes("client.brand.example.net"))?.id).toBe(s.client.id);
  });

  it("marks a wrong TXT value misconfigured with a reason", async () => {
    const domain = await add("wrong.example.net");
    dns.setTxt(domain.txtName, ["omnify-verify=not-the-token"]);
    const result = await verify(domain.id);
    expect(result.status).toBe("misconfigured");
    expect(result.statusReason).toBe(
      `TXT record ${domain.txtName} says omnify-verify=not-the-token, expected ${domain.txtValue}`,
    );
    expect(await routes("wrong.example.net")).toBeNull();
  });

  it("marks a CNAME pointing elsewhere misconfigured; pointing at us verifies", async () => {
    const domain = await add("www.example.info");
    dns.setTxt(domain.txtName, [domain.txtValue]);
    dns.setCname("www.example.info", "other-host.example.com");
    const wrong = await verify(domain.id);
    expect(wrong.status).toBe("misconfigured");
    expect(wrong.statusReason).toBe(
      "CNAME of www.example.info points to other-host.example.com, expected cname.omnify.test",
    );
    dns.setCname("www.example.info", "cname.omnify.test");
    expect((await verify(domain.id)).status).toBe("verified");
  });

  it("keeps the status when DNS itself fails", async () => {
    const domain = await add("flaky.example.net");
    dns.setTxt(domain.txtName, [domain.txtValue]);
    expect((await verify(domain.id)).status).toBe("verified");
    dns.fail(domain.txtName);
    const during = await verify(domain.id);
    expect(during.status).toBe("verified");
    expect(during.statusReason).toContain("failed (ESERVFAIL)");
    dns.clear(domain.txtName);
  });

  it("an unknown id is NOT_FOUND, and another tenant's id too", async () => {
    const theirs = await add("beta-own.example.net", s.beta);
    const error = await domainFailure(verify(theirs.id));
    expect(error).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });
});

describe("the periodic re-check and removal", () => {
  it("marks drift misconfigured (routing stops) and recovers when fixed", async () => {
    const domain = await add("drift.example.net");
    dns.setTxt(domain.txtName, [domain.txtValue]);
    await reverifyAllDomains(s.t.app, resolver, testConfig);
    expect((await routes("drift.example.net"))?.id).toBe(s.alpha.id);

    dns.clear(domain.txtName);
    const summary = await reverifyAllDomains(s.t.app, resolver, testConfig);
    expect(summary.checked).toBeGreaterThan(1);
    const list = await s.t.app.withTenant(s.alpha.id, (tx) => listDomains(tx, testConfig));
    const drifted = list.find((d) => d.hostname === "drift.example.net");
    expect(drifted?.status).toBe("misconfigured");
    expect(drifted?.statusReason).toContain("it was there before");
    expect(await routes("drift.example.net")).toBeNull();

    dns.setTxt(domain.txtName, [domain.txtValue]);
    await reverifyAllDomains(s.t.app, resolver, testConfig);
    expect((await routes("drift.example.net"))?.id).toBe(s.alpha.id);
  });

  it("removing a verified domain stops routing immediately", async () => {
    const domain = await add("gone.example.net");
    dns.setTxt(domain.txtName, [domain.txtValue]);
    await verify(domain.id);
    expect((await routes("gone.example.net"))?.id).toBe(s.alpha.id);
    const remove = () =>
      removeDomain(s.t.app, { tenant: s.alpha, id: domain.id, actorUserId: actorUserId() });
    await remove();
    expect(await routes("gone.example.net")).toBeNull();
    expect((await domainFailure(remove())).code).toBe("NOT_FOUND");
    const audit = await s.t.admin`select action, metadata->>'hostname' as hostname from audit_log
      where target_id = ${domain.id} order by occurred_at`;
    expect(audit).toEqual([
      { action: "domain.added", hostname: "gone.example.net" },
      { action: "domain.removed", hostname: "gone.example.net" },
    ]);
  });
});

describe(".test names (never in public DNS)", () => {
  it("keep a configured verified .test domain verified when no record exists", async () => {
    const domain = await add("portal.agency.test");
    await s.t.admin`update tenant_domains set status = 'verified' where id = ${domain.id}`;
    const kept = await verify(domain.id);
    expect(kept).toMatchObject({ status: "verified" });
    expect(kept.statusReason).toContain("Declared by configuration");
    dns.setTxt(domain.txtName, ["omnify-verify=someone-else"]);
    expect((await verify(domain.id)).status).toBe("misconfigured");
  });
});
