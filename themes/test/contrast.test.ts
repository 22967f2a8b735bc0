import { describe, expect, it } from "vitest";
import {
  applyBrandOverrides,
  CONTRAST_PAIR_LABELS,
  CONTRAST_PAIRS,
  checkThemeContrast,
  contrastFailureMessage,
  contrastRatio,
  getTheme,
  relativeLuminance,
  themes,
} from "../src/index";

describe("contrastRatio", () => {
  it("matches known WCAG values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBe(21);
    expect(contrastRatio("#ffffff", "#000000")).toBe(21);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(relativeLuminance("#ff0000")).toBeCloseTo(0.2126, 4);
  });

  it("throws on non-hex input", () => {
    expect(() => contrastRatio("red", "#ffffff")).toThrow(/#rrggbb/);
  });
});

describe("checkThemeContrast", () => {
  it.each(Object.values(themes))("$id passes WCAG AA for every rendered pair", (theme) => {
    expect(checkThemeContrast(theme)).toEqual([]);
  });

  it("reports a failing pair with its ratio", () => {
    const washedOut = {
      ...themes.aurora,
      colors: { ...themes.aurora.colors, primary: "#a5b4fc" },
    };
    const failures = checkThemeContrast(washedOut);
    expect(failures).toContainEqual(
      expect.objectContaining({
        foreground: "primaryForeground",
        background: "primary",
        required: 4.5,
      }),
    );
  });
});

describe("contrast failure messages", () => {
  it("label every checked pair, so a refusal says which part of the UI fails", () => {
    for (const [fg, bg] of CONTRAST_PAIRS) expect(CONTRAST_PAIR_LABELS[`${fg}/${bg}`]).toBeTruthy();
  });

  it("name the pair, both colours and the ratio against AA", () => {
    const tokens = applyBrandOverrides(getTheme("aurora"), {
      colors: { primary: "#ffff00", primaryForeground: "#ffffff" },
    });
    const failure = checkThemeContrast(tokens).find((f) => f.foreground === "primaryForeground");
    if (!failure) throw new Error("expected primaryForeground on primary to fail");
    expect(contrastFailureMessage(failure, tokens)).toBe(
      `Text on primary buttons (primaryForeground #ffffff on primary #ffff00) has contrast ${failure.ratio.toFixed(2)}:1; WCAG AA needs 4.5:1`,
    );
  });
});
