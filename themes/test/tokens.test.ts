import { describe, expect, it } from "vitest";
import {
  applyBrandOverrides,
  parseThemeTokens,
  themes,
  themeToCss,
  themeToCssVariables,
  themeTokensSchema,
} from "../src/index";

const base = themes.aurora;

describe("themeTokensSchema", () => {
  it("rejects a bad hex and names the field path", () => {
    const bad = { ...base, colors: { ...base.colors, primary: "blue" } };
    const result = themeTokensSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["colors", "primary"]);
    expect(() => parseThemeTokens(bad)).toThrow(/colors\.primary: must be a #rrggbb hex colour/);
  });

  it("rejects short hex and font stacks that could escape a <style> tag", () => {
    const bad = {
      ...base,
      colors: { ...base.colors, border: "#fff" },
      typography: { ...base.typography, fontFamily: "x}</style><script>" },
    };
    expect(() => parseThemeTokens(bad)).toThrow(/colors\.border[\s\S]*typography\.fontFamily/);
  });
});

describe("themeToCss", () => {
  it("emits every token as a variable inside the selector", () => {
    const vars = themeToCssVariables(base);
    const css = themeToCss(base, '[data-theme="aurora"]');
    expect(css.startsWith('[data-theme="aurora"] {')).toBe(true);
    // 15 colours + 3 typography + 3 radius + derived colour scheme
    expect(Object.keys(vars)).toHaveLength(22);
    for (const [name, value] of Object.entries(vars)) {
      expect(css).toContain(`${name}: ${value};`);
    }
    expect(vars["--omni-color-primary-foreground"]).toBe(base.colors.primaryForeground);
    expect(vars["--omni-radius-md"]).toBe(`${base.radius.md}px`);
    expect(themeToCss(base)).toMatch(/^:root \{/);
    expect(vars["--omni-color-scheme"]).toBe("light");
    expect(themeToCssVariables(themes.ember)["--omni-color-scheme"]).toBe("dark");
  });
});

describe("applyBrandOverrides", () => {
  it("returns new tokens and leaves the base untouched", () => {
    const branded = applyBrandOverrides(base, {
      productName: "Acme Reach",
      colors: { primary: "#123456", accent: undefined },
    });
    expect(branded.colors.primary).toBe("#123456");
    expect(branded.colors.accent).toBe(base.colors.accent);
    expect(branded.label).toBe("Acme Reach");
    expect(branded.logo.text).toBe("Acme Reach");
    expect(base.colors.primary).not.toBe("#123456");
  });

  it("keeps an explicit logo text over the product name and validates colours", () => {
    const branded = applyBrandOverrides(base, { productName: "Acme", logo: { text: "ACME" } });
    expect(branded.logo.text).toBe("ACME");
    expect(() => applyBrandOverrides(base, { colors: { danger: "red" } })).toThrow(
      /colors\.danger/,
    );
  });
});
