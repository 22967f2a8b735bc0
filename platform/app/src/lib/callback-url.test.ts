import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginPath, signInPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/members", "/members"],
    ["/members?tab=invites#top", "/members?tab=invites#top"],
    ["/a/../members", "/members"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.test/",
    "//evil.test/x",
    "/\\evil.test",
    "/\t/evil.test",
    "/%0a/x\n",
    "javascript:alert(1)",
    "members",
    "",
    undefined,
    null,
    42,
    `/${"a".repeat(3000)}`,
  ])("falls back for %j", (input) => {
    expect(safeCallbackPath(input, "/home")).toBe("/home");
  });
});

describe("sameOriginPath", () => {
  const origin = "http://northwind.localhost:3000";

  it("strips the origin when it matches", () => {
    expect(sameOriginPath(`${origin}/members?x=1`, origin)).toBe("/members?x=1");
  });

  it("refuses another host, even a sibling tenant", () => {
    expect(sameOriginPath("http://sunset.localhost:3000/members", origin)).toBe("/");
    expect(sameOriginPath("https://northwind.localhost:3000/", origin)).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries the page as callbackUrl", () => {
    expect(signInPath("/members")).toBe("/signin?callbackUrl=%2Fmembers");
  });

  it("omits the default", () => {
    expect(signInPath("/")).toBe("/signin");
    expect(signInPath("//evil.test")).toBe("/signin");
  });
});
