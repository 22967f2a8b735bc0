import { z } from "zod";
import { relativeLuminance } from "./contrast";

/** `#rrggbb` only: a single form keeps contrast maths and CSS output predictable. */
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const hexColour = z.string().regex(HEX_COLOUR, { message: "must be a #rrggbb hex colour" });

/**
 * Font stacks end up inside a <style> tag, so characters that could close the
 * declaration or the tag are refused (a tenant may type these in the brand editor).
 */
const fontStack = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^;{}<>\\]+$/, { message: "must not contain ; { } < > or \\" });

const px = z.number().int().min(0).max(64);

export const colorsSchema = z.object({
  primary: hexColour,
  primaryForeground: hexColour,
  background: hexColour,
  foreground: hexColour,
  surface: hexColour,
  surfaceForeground: hexColour,
  muted: hexColour,
  mutedForeground: hexColour,
  border: hexColour,
  accent: hexColour,
  accentForeground: hexColour,
  danger: hexColour,
  dangerForeground: hexColour,
  success: hexColour,
  warning: hexColour,
});

export const logoSchema = z.object({
  text: z.string().min(1).max(60),
  /** Inline SVG markup; rendered through an <img> data URI so it can never run script. */
  svg: z
    .string()
    .max(20_000)
    .regex(/^\s*<svg[\s>]/, { message: "must be inline <svg> markup" })
    .optional(),
  /**
   * An uploaded logo image: a same-origin brand-asset path (`/brand-assets/<sha256>`) or an
   * absolute http(s) URL (e-mails need one). Shown instead of the text when present.
   */
  imageUrl: z
    .string()
    .max(2_000)
    .regex(/^(\/brand-assets\/[0-9a-f]{64}|https?:\/\/[^\s"'<>\\]+)$/, {
      message: "must be a brand-asset path or an http(s) URL",
    })
    .optional(),
});

export const themeTokensSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "must be a lowercase slug" }),
  label: z.string().min(1).max(60),
  colors: colorsSchema,
  typography: z.object({
    fontFamily: fontStack,
    headingFamily: fontStack,
    baseSize: z.number().int().min(12).max(24),
  }),
  radius: z.object({ sm: px, md: px, lg: px }),
  logo: logoSchema,
});

export type ThemeTokens = z.infer<typeof themeTokensSchema>;
export type ThemeColors = ThemeTokens["colors"];
export type ColorName = keyof ThemeColors;
export type ThemeLogo = ThemeTokens["logo"];

/** Parses unknown input, throwing one Error that names every failing field path. */
export function parseThemeTokens(input: unknown): ThemeTokens {
  const result = themeTokensSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`,
  );
  throw new Error(`Invalid theme tokens:\n  ${lines.join("\n  ")}`);
}

/** Identity helper so theme files get type-checking and autocomplete. */
export function defineTheme(tokens: ThemeTokens): ThemeTokens {
  return tokens;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** CSS custom property name for a colour token, e.g. `primaryForeground` → `--omni-color-primary-foreground`. */
export const colorVar = (name: ColorName) => `--omni-color-${kebab(name)}`;

/** Flattens tokens into CSS custom properties; the single source for every `--omni-*` theme variable. */
export function themeToCssVariables(tokens: ThemeTokens): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(tokens.colors)) {
    vars[colorVar(name as ColorName)] = value;
  }
  vars["--omni-font-family"] = tokens.typography.fontFamily;
  vars["--omni-font-family-heading"] = tokens.typography.headingFamily;
  vars["--omni-font-size-base"] = `${tokens.typography.baseSize}px`;
  vars["--omni-radius-sm"] = `${tokens.radius.sm}px`;
  vars["--omni-radius-md"] = `${tokens.radius.md}px`;
  vars["--omni-radius-lg"] = `${tokens.radius.lg}px`;
  // Derived, not a token: tells the browser to draw native controls (select popups,
  // scrollbars) dark on dark themes. 0.18 is roughly where white text starts to win.
  vars["--omni-color-scheme"] =
    relativeLuminance(tokens.colors.background) < 0.18 ? "dark" : "light";
  return vars;
}

/** Renders the tokens as one CSS rule (default `:root`), ready for a <style> tag. */
export function themeToCss(tokens: ThemeTokens, selector = ":root"): string {
  const body = Object.entries(themeToCssVariables(tokens))
    .map(([name, value]) => `  ${name}: ${value};`)
    .join("\n");
  return `${selector} {\n${body}\n}\n`;
}
