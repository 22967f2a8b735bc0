import type { ColorName, ThemeTokens } from "./tokens";

/** WCAG 2.x AA minimum for normal-size text. */
export const AA_NORMAL_TEXT = 4.5;

function channel(value: number): number {
  const c = value / 255;
  // sRGB linearisation as written in WCAG 2.x (0.03928 threshold, not the sRGB spec's 0.04045).
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** `#rrggbb` → [r, g, b] in 0–255. Throws on anything else so bad input never yields a silent ratio. */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Expected a #rrggbb colour, got "${hex}"`);
  const [, r, g, b] = match;
  return [Number.parseInt(r ?? "", 16), Number.parseInt(g ?? "", 16), Number.parseInt(b ?? "", 16)];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours, from 1 to 21; argument order does not matter. */
export function contrastRatio(hexA: string, hexB: string): number {
  const a = relativeLuminance(hexA);
  const b = relativeLuminance(hexB);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Text/background pairs the UI kit actually renders. Status colours are also
 * used as text (field errors, stat deltas), so they must read on both canvases.
 */
export const CONTRAST_PAIRS: ReadonlyArray<readonly [fg: ColorName, bg: ColorName]> = [
  ["foreground", "background"],
  ["foreground", "muted"],
  ["surfaceForeground", "surface"],
  ["mutedForeground", "background"],
  ["mutedForeground", "surface"],
  ["mutedForeground", "muted"],
  ["primaryForeground", "primary"],
  ["accentForeground", "accent"],
  ["dangerForeground", "danger"],
  ["primary", "background"],
  ["primary", "surface"],
  ["danger", "background"],
  ["danger", "surface"],
  ["success", "background"],
  ["success", "surface"],
  ["warning", "background"],
  ["warning", "surface"],
];

export interface ContrastFailure {
  foreground: ColorName;
  background: ColorName;
  ratio: number;
  required: number;
}

/** Returns every rendered pair below AA (4.5:1); an empty array means the theme is shippable. */
export function checkThemeContrast(
  tokens: ThemeTokens,
  minimum = AA_NORMAL_TEXT,
): ContrastFailure[] {
  const failures: ContrastFailure[] = [];
  for (const [fg, bg] of CONTRAST_PAIRS) {
    const ratio = contrastRatio(tokens.colors[fg], tokens.colors[bg]);
    if (ratio < minimum) {
      failures.push({
        foreground: fg,
        background: bg,
        ratio: Math.round(ratio * 100) / 100,
        required: minimum,
      });
    }
  }
  return failures;
}

/** What each checked pair is on screen, so a refusal can say which part of the UI fails. */
export const CONTRAST_PAIR_LABELS: Readonly<Record<string, string>> = {
  "foreground/background": "Body text on the page background",
  "foreground/muted": "Body text on muted panels",
  "surfaceForeground/surface": "Text on cards",
  "mutedForeground/background": "Secondary text on the page background",
  "mutedForeground/surface": "Secondary text on cards",
  "mutedForeground/muted": "Secondary text on muted panels",
  "primaryForeground/primary": "Text on primary buttons",
  "accentForeground/accent": "Text on accent elements",
  "dangerForeground/danger": "Text on danger buttons",
  "primary/background": "Links on the page background",
  "primary/surface": "Links on cards",
  "danger/background": "Error text on the page background",
  "danger/surface": "Error text on cards",
  "success/background": "Success text on the page background",
  "success/surface": "Success text on cards",
  "warning/background": "Warning text on the page background",
  "warning/surface": "Warning text on cards",
};

/** One sentence naming the pair, both colours and the ratio, e.g. for a form field error. */
export function contrastFailureMessage(failure: ContrastFailure, tokens: ThemeTokens): string {
  const { foreground: fg, background: bg } = failure;
  const label = CONTRAST_PAIR_LABELS[`${fg}/${bg}`] ?? `${fg} on ${bg}`;
  return `${label} (${fg} ${tokens.colors[fg]} on ${bg} ${tokens.colors[bg]}) has contrast ${failure.ratio.toFixed(2)}:1; WCAG AA needs ${failure.required}:1`;
}
