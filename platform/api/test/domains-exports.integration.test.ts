import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDomainResolver } from "../../core/src/domains/dns-check";
import { type LoopbackDns, startLoopbackDns } from "../../core/test/domains/loopback-dns";
import { setupApi, trpcFailure } from "./harness";

let dns: LoopbackDns;
const api = setupApi({ extra: () => ({ domainResolver: createDomainResolver(dns.servers) }) });
const { world: s } = api;
beforeAll(async () => {
  dns = await startLoopbackDns();
});
afterAll(() => dns?.close());

const PASSWORD = "correct horse battery";
const owner = () => api.as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);

describe("domains.*", () => {
  it("adds (after step-up), verifies against DNS and removes a domain", async () => {
    const caller = await owner();
    const refused = await trpcFailure(
      caller.domains.create({ hostname: "api.example.net" }),
      "FORBIDDEN",
    );
    expect(refused.message).toBe("Confirm it's you to continue");
    await caller.account.reauthenticate({ password: PASSWORD });

    const bad = await trpcFailure(caller.domains.create({ hostname: "http://x" }), "BAD_REQUEST");
    expect(bad.message).toContain("without a scheme");
    const domain = await caller.domains.create({ hostname: "api.example.net" });
    expect((await caller.domains.find()).domains.map((d) => d.hostname)).toContain(
      "api.example.net",
    );

    dns.setTxt(domain.txtName, [domain.txtValue]);
    expect((await caller.domains.verify({ id: domain.id })).status).toBe("verified");
    expect(await caller.domains.delete({ id: domain.id })).toEqual({ hostname: "api.example.net" });
  });

  it("is for agency owners and admins only", async () => {
    const member = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    await trpcFailure(member.domains.find(), "FORBIDDEN");
    const sub = await api.as("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    await trpcFailure(sub.domains.find(), "FORBIDDEN");
  });
});

describe("exports.*", () => {
  it("queues an export of a sub-account after step-up and lists it", async () => {
    const caller = await api.as("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    await trpcFailure(caller.exports.create(), "FORBIDDEN");
    await caller.account.reauthenticate({ password: PASSWORD });
    const job = await caller.exports.create();
    expect(job).toMatchObject({ kind: "export", status: "queued", progress: 0 });
    const busy = await trpcFailure(caller.exports.create(), "CONFLICT");
    expect(busy.message).toBe("An export is already in progress");
    expect((await caller.exports.find()).items.map((i) => i.id)).toEqual([job.id]);
  });

  it("is refused to members and on agencies", async () => {
    const member = await api.as("client.alpha.omnify.test", s.w.client, s.w.users.clientUser.id);
    await trpcFailure(member.exports.find(), "FORBIDDEN");
    const agency = await owner();
    await trpcFailure(agency.exports.find(), "FORBIDDEN");
  });
});
