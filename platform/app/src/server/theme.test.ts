import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import { getTheme } from "@omnify/themes";
import { describe, expect, it } from "vitest";
import { faviconFor, platformTheme, tenantTheme } from "./theme";

const agency = {
  id: "a",
  slug: "northwind",
  name: "Northwind Media",
  themeId: "aurora",
  brand: {},
};

function tenant(over: Partial<ResolvedTenant> = {}): ResolvedTenant {
  return {
    id: "a",
    kind: "agency",
    slug: "northwind",
    name: "Northwind Media",
    themeId: "aurora",
    brand: {},
    host: "northwind.localhost",
    origin: "http://northwind.localhost:3000",
    agency,
    ...over,
  };
}

describe("tenantTheme", () => {
  it("names the product after the agency unless its brand says otherwise", () => {
    expect(tenantTheme(tenant()).logo.text).toBe("Northwind Media");
    const branded = tenant({ agency: { ...agency, brand: { productName: "NW Studio" } } });
    expect(tenantTheme(branded).logo.text).toBe("NW Studio");
  });

  it("puts a sub-account under its agency's brand, then its own", () => {
    const sub = tenant({
      kind: "subaccount",
      name: "Acme Bakery",
      themeId: "grove",
      brand: { colors: { accent: "#123456" } },
      agency: { ...agency, brand: { colors: { primary: "#0b5cad" } } },
    });
    const tokens = tenantTheme(sub);
    expect(tokens.id).toBe("grove");
    expect(tokens.logo.text).toBe("Northwind Media");
    expect(tokens.colors.primary).toBe("#0b5cad");
    expect(tokens.colors.accent).toBe("#123456");
  });

  it("skips a brand the token schema rejects instead of failing the page", () => {
    const broken = tenant({ agency: { ...agency, brand: { colors: { primary: "red" } } } });
    expect(tenantTheme(broken).colors.primary).toBe(getTheme("aurora").colors.primary);
  });

  it("falls back to the default theme for an unknown theme id", () => {
    expect(tenantTheme(tenant({ themeId: "nope" })).id).toBe("aurora");
  });
});

describe("faviconFor", () => {
  it("draws the initial when there is no logo mark, escaping it", () => {
    const tokens = { ...platformTheme(), logo: { text: "<b>" } };
    const svg = decodeURIComponent(faviconFor(tokens).split(",")[1] ?? "");
    expect(svg).toContain("&#60;");
    expect(svg).not.toContain("<b>");
  });
});
