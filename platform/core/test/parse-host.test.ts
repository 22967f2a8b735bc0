import { describe, expect, it } from "vitest";
import { HostError, parseHost } from "../src/tenancy/parse-host";

const opts = { platformHost: "omnify.test" };

describe("parseHost", () => {
  it.each([
    ["omnify.test", { kind: "platform", hostname: "omnify.test" }],
    ["OMNIFY.test:3000", { kind: "platform", hostname: "omnify.test" }],
    ["alpha.omnify.test", { kind: "agency", hostname: "alpha.omnify.test", agencySlug: "alpha" }],
    [
      "Client.Alpha.omnify.test:443",
      {
        kind: "subaccount",
        hostname: "client.alpha.omnify.test",
        agencySlug: "alpha",
        subSlug: "client",
      },
    ],
    ["acme.co.uk", { kind: "custom", hostname: "acme.co.uk", apex: "acme.co.uk" }],
    ["portal.acme.co.uk", { kind: "custom", hostname: "portal.acme.co.uk", apex: "acme.co.uk" }],
    ["x.y.example.com", { kind: "custom", hostname: "x.y.example.com", apex: "example.com" }],
    // A private suffix: each github.io site has its own owner, so it is its own apex.
    ["site.github.io", { kind: "custom", hostname: "site.github.io", apex: "site.github.io" }],
    // Looks like the platform host only to a sloppy suffix check.
    [
      "evil-omnify.test",
      { kind: "custom", hostname: "evil-omnify.test", apex: "evil-omnify.test" },
    ],
  ])("classifies %s", (raw, expected) => {
    expect(parseHost(raw, opts)).toEqual(expected);
  });

  it("works with localhost as the platform host", () => {
    const local = { platformHost: "localhost" };
    expect(parseHost("localhost:3000", local)).toEqual({ kind: "platform", hostname: "localhost" });
    expect(parseHost("alpha.localhost:3000", local)).toMatchObject({
      kind: "agency",
      agencySlug: "alpha",
    });
    expect(parseHost("c.alpha.localhost", local)).toMatchObject({
      kind: "subaccount",
      subSlug: "c",
    });
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    [":3000", "port only"],
    ["alpha.omnify.test:abc", "non-numeric port"],
    ["alpha.omnify.test:3000:1", "two ports"],
    ["alpha..omnify.test", "empty label"],
    [".omnify.test", "leading dot"],
    ["omnify.test.", "trailing dot"],
    ["alpha.omnify.test/evil", "path"],
    ["user@alpha.omnify.test", "userinfo"],
    ["al_pha.omnify.test", "underscore"],
    ["-alpha.omnify.test", "leading hyphen"],
    ["alpha-.omnify.test", "trailing hyphen"],
    ["alpha.omnify.test evil", "space"],
    ["alpha.omnify.test\r\nx", "CRLF"],
    ["ålpha.omnify.test", "non-ASCII"],
    [`${"a".repeat(64)}.omnify.test`, "label over 63"],
    [`${"a.".repeat(125)}omnify.test`, "over 253"],
    ["127.0.0.1", "IPv4"],
    ["127.0.0.1:3000", "IPv4 with port"],
    ["[::1]:3000", "IPv6"],
    ["a.b.alpha.omnify.test", "too deep"],
    ["co.uk", "bare public suffix"],
    ["intranet", "single label"],
  ])("rejects %j (%s) as MALFORMED", (raw) => {
    const error = (() => {
      try {
        parseHost(raw, opts);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("MALFORMED");
  });

  it.each(["www", "api", "admin", "login", "billing", "dashboard", "status", "cdn"])(
    "refuses reserved %s as an agency",
    (label) => {
      expect(() => parseHost(`${label}.omnify.test`, opts)).toThrow(
        expect.objectContaining({ code: "RESERVED" }),
      );
      expect(() => parseHost(`client.${label}.omnify.test`, opts)).toThrow(
        expect.objectContaining({ code: "RESERVED" }),
      );
    },
  );

  it("accepts a 63-character label and a 253-character host", () => {
    const label = "a".repeat(63);
    expect(parseHost(`${label}.omnify.test`, opts)).toMatchObject({ agencySlug: label });
    const long = `${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(57)}.com`;
    expect(long.length).toBe(253);
    expect(parseHost(long, opts)).toMatchObject({ kind: "custom" });
  });
});
