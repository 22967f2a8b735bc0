import { describe, expect, it } from "vitest";
import { buildOrigin } from "../src/tenancy/build-origin";

describe("buildOrigin", () => {
  it.each([
    ["http", "3000", "http://a.localhost:3000"],
    ["http", "80", "http://a.localhost"],
    ["https", "443", "https://a.localhost"],
    ["https", "", "https://a.localhost"],
    ["https", "8443", "https://a.localhost:8443"],
  ] as const)("%s with port %j", (publicScheme, publicPort, expected) => {
    expect(buildOrigin("a.localhost", { publicScheme, publicPort })).toBe(expected);
  });
});
