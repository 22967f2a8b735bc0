import { describe, expect, it } from "vitest";
import { pluginNames, pluginRolePassword } from "../../src/plugins/names";

describe("pluginNames", () => {
  it("maps a slug to a schema and two roles", () => {
    expect(pluginNames("link-shortener")).toEqual({
      pluginId: "link-shortener",
      schema: "plugin_link_shortener",
      migrationRole: "plugin_link_shortener_migrate",
      runtimeRole: "plugin_link_shortener_runtime",
    });
  });

  it("keeps 64-character ids inside PostgreSQL's 63-byte identifiers, without collisions", () => {
    const a = pluginNames(`${"a".repeat(60)}-bcd`);
    const b = pluginNames(`${"a".repeat(60)}-bce`);
    expect(a.migrationRole.length).toBeLessThanOrEqual(63);
    expect(a.schema).not.toBe(b.schema);
  });

  it("derives a different password per role, and refuses a short secret", () => {
    const secret = "0123456789abcdef";
    expect(pluginRolePassword(secret, "r1")).not.toBe(pluginRolePassword(secret, "r2"));
    expect(() => pluginRolePassword("short", "r1")).toThrow(/at least 16/);
  });
});
