import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoSignIns, loadRegistry, loadTenantFiles, TenantConfigError } from "../src";
import { agency, tenantDir } from "./temp-files";

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

/** Loads `files` from a temp dir; returns the thrown error's lines and the dir they name. */
async function loadErrors(files: Record<string, string | object>) {
  const made = await tenantDir(files);
  cleanup = made.cleanup;
  const error = await loadTenantFiles(made.dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TenantConfigError);
  return {
    lines: (error as Error).message.split("\n"),
    at: (name: string) => join(made.dir, name),
  };
}

describe("loadTenantFiles", () => {
  it("loads the checked-in demo tenants", async () => {
    const defs = await loadRegistry();
    expect(defs.map((d) => d.slug)).toEqual(["evergreen", "northwind", "sunset"]);
  });

  it("names the file and the field of a bad theme", async () => {
    const subs = [
      { slug: "a", name: "A", members: [] },
      { slug: "b", name: "B", theme: "neon", members: [] },
    ];
    const { lines, at } = await loadErrors({ "x.ts": agency("x", { subaccounts: subs }) });
    expect(lines).toEqual([
      `${at("x.ts")}: subaccounts[1].theme: Invalid option: expected one of "aurora"|"ember"|"grove"`,
    ]);
  });

  it("names a misspelt field and suggests the right one", async () => {
    const { plan: _plan, ...rest } = agency("x");
    const { lines, at } = await loadErrors({ "x.ts": { ...rest, plann: "pro" } });
    expect(lines).toContain(`${at("x.ts")}: plann: unknown field (did you mean "plan"?)`);
    expect(lines).toContain(
      `${at("x.ts")}: plan: Invalid option: expected one of "free"|"basic"|"pro"|"enterprise"`,
    );
  });

  it("names a bad slug, a reserved slug and a bad e-mail in their files", async () => {
    const badEmail = agency("ok", {
      members: [{ email: "nobody", name: "N", role: "agency_owner" }],
    });
    const { lines, at } = await loadErrors({
      "Bad.ts": agency("ok", { slug: "Bad" }),
      "admin.ts": agency("admin"),
      "ok.ts": badEmail,
    });
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${at("Bad.ts")}: slug: must be a DNS label`)),
      expect.stringMatching(new RegExp(`^${at("admin.ts")}: slug: is reserved`)),
      `${at("ok.ts")}: members[0].email: Invalid email address`,
    ]);
  });

  it("rejects a slug claimed by two files, and a file named after another slug", async () => {
    const { lines, at } = await loadErrors({ "a.ts": agency("a"), "b.ts": agency("a") });
    expect(lines).toEqual([
      `${at("b.ts")}: slug: must match the file name: "b.ts" defines slug "a"`,
      `${at("b.ts")}: slug: duplicate agency slug "a": also in ${at("a.ts")}`,
    ]);
  });

  it("rejects a custom domain claimed by two agencies", async () => {
    const domains = [{ hostname: "portal.shared.test" }];
    const { lines, at } = await loadErrors({
      "a.ts": agency("a", { domains }),
      "b.ts": agency("b", { domains }),
    });
    expect(lines).toEqual([
      `${at("b.ts")}: domains[0].hostname: duplicate custom domain "portal.shared.test": also in ${at("a.ts")}`,
    ]);
  });

  it("rejects a member listed twice in one tenant but allows one person in two tenants", async () => {
    const member = { email: "pat@x.test", name: "Pat", role: "subaccount_admin" };
    const subs = [
      { slug: "s", name: "S", members: [member] },
      { slug: "t", name: "T", members: [member, { ...member, role: "subaccount_member" }] },
    ];
    const { lines, at } = await loadErrors({ "x.ts": agency("x", { subaccounts: subs }) });
    expect(lines).toEqual([
      `${at("x.ts")}: subaccounts[1].members[1].email: duplicate member e-mail: already listed at index 0`,
    ]);
  });

  it("names a file that does not load or has no default export", async () => {
    const { lines, at } = await loadErrors({
      "broken.ts": "export default { slug: ;\n",
      "empty.ts": "export const x = 1;\n",
    });
    expect(lines[0]).toMatch(new RegExp(`^${at("broken.ts")}: could not be loaded: `));
    expect(lines[1]).toBe(
      `${at("empty.ts")}: has no default export (export default defineTenant({...}))`,
    );
  });
});

describe("demoSignIns", () => {
  it("lists every demo member with the host they sign in at", () => {
    const entries = demoSignIns().map((e) => `${e.email} ${e.role} http://${e.host}:3000`);
    expect(entries).toEqual([
      "owner@northwind.test agency_owner http://northwind.localhost:3000",
      "admin@northwind.test agency_admin http://northwind.localhost:3000",
      "member@northwind.test agency_member http://northwind.localhost:3000",
      "admin@acme.test subaccount_admin http://acme.northwind.localhost:3000",
      "staff@globex.test subaccount_member http://globex.northwind.localhost:3000",
      "owner@sunset.test agency_owner http://sunset.localhost:3000",
      "admin@bistro.test subaccount_admin http://bistro.sunset.localhost:3000",
      "owner@evergreen.test agency_owner http://evergreen.localhost:3000",
    ]);
  });
});
