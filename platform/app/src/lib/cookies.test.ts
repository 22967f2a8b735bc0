import { describe, expect, it } from "vitest";
import { authCookies, cookieName } from "./cookies";

describe("auth cookies", () => {
  it("uses __Host- names and Secure on https", () => {
    const cookies = authCookies("https");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name.startsWith("__Host-")).toBe(true);
      expect(cookie.options.secure).toBe(true);
      expect(cookie.options.path).toBe("/");
      expect(cookie.options).not.toHaveProperty("domain");
    }
  });

  it("uses plain names on http, where browsers reject __Host- cookies", () => {
    const cookies = authCookies("http");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name.startsWith("__")).toBe(false);
      expect(cookie.options.secure).toBe(false);
      expect(cookie.options).not.toHaveProperty("domain");
    }
    expect(cookieName("sessionToken", "http")).toBe("omnify.session");
  });
});
