import { describe, expect, it } from "vitest";
import { defaultThemeId, getTheme, themeIds, themes, themeTokensSchema } from "../src/index";

describe("theme registry", () => {
  it("ships aurora, ember and grove with aurora as default", () => {
    expect(themeIds).toEqual(expect.arrayContaining(["aurora", "ember", "grove"]));
    expect(defaultThemeId).toBe("aurora");
  });

  it.each(themeIds)("%s is valid and registered under its own id", (id) => {
    const theme = getTheme(id);
    expect(themeTokensSchema.parse(theme)).toEqual(theme);
    expect(theme.id).toBe(id);
  });

  it("themes are visibly distinct", () => {
    const primaries = new Set(Object.values(themes).map((t) => t.colors.primary));
    const backgrounds = new Set(Object.values(themes).map((t) => t.colors.background));
    expect(primaries.size).toBe(themeIds.length);
    expect(backgrounds.size).toBe(themeIds.length);
  });

  it("getTheme names the unknown id and lists valid ones", () => {
    expect(() => getTheme("nope")).toThrow(
      'Unknown theme id "nope". Valid theme ids: aurora, ember, grove.',
    );
    // Prototype keys must not count as themes.
    expect(() => getTheme("toString")).toThrow(/Unknown theme id "toString"/);
  });
});
