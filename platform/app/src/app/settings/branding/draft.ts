import {
  applyBrandOverrides,
  checkThemeContrast,
  contrastFailureMessage,
  getTheme,
  type ThemeTokens,
} from "@omnify/themes";

/** The colour tokens the editor offers, with what each paints. */
export const EDITABLE_COLORS = [
  ["primary", "Primary (buttons, links)"],
  ["primaryForeground", "Text on primary"],
  ["accent", "Accent"],
  ["accentForeground", "Text on accent"],
  ["background", "Page background"],
  ["foreground", "Body text"],
  ["surface", "Cards"],
  ["surfaceForeground", "Text on cards"],
  ["muted", "Muted panels"],
  ["mutedForeground", "Secondary text"],
  ["border", "Borders"],
] as const;

export type ImageDraft =
  | { state: "keep"; url: string | null }
  | { state: "remove" }
  | { state: "upload"; url: string; base64: string; name: string };

export type BrandDraft = {
  productName: string;
  supportEmail: string;
  colors: Record<string, string>;
  logo: ImageDraft;
  favicon: ImageDraft;
};

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The theme the draft would produce, or null while a colour is not a complete #rrggbb yet. */
export function draftTheme(
  themeId: string,
  draft: BrandDraft,
  fallbackName: string,
): ThemeTokens | null {
  const colors = Object.fromEntries(Object.entries(draft.colors).filter(([, v]) => v !== ""));
  if (Object.values(colors).some((v) => !HEX.test(v))) return null;
  const logo = draft.logo.state === "remove" ? null : draft.logo.url;
  try {
    const base = applyBrandOverrides(getTheme(themeId), {
      productName: draft.productName.trim() || fallbackName,
      colors: Object.fromEntries(Object.entries(colors).map(([k, v]) => [k, v.toLowerCase()])),
    });
    // The preview may show a data: URL the token schema would not store; set it afterwards.
    return logo ? { ...base, logo: { ...base.logo, imageUrl: logo } } : base;
  } catch {
    return null;
  }
}

/** Live WCAG AA feedback: one message per failing pair, keyed by the foreground token. */
export function contrastProblems(tokens: ThemeTokens | null): Record<string, string> {
  if (!tokens) return {};
  const out: Record<string, string> = {};
  for (const failure of checkThemeContrast(tokens)) {
    out[failure.foreground] ??= contrastFailureMessage(failure, tokens);
  }
  return out;
}

/** Reads a picked file as base64 plus a data: URL for the preview (the CSP allows data:). */
export function readImage(file: File): Promise<{ url: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ url, base64: url.slice(url.indexOf(",") + 1) });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function toAssetChange(image: ImageDraft) {
  if (image.state === "upload") return { upload: image.base64 };
  if (image.state === "remove") return { remove: true as const };
  return { keep: true as const };
}
