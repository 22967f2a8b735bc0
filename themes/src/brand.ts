import { parseThemeTokens, type ThemeColors, type ThemeLogo, type ThemeTokens } from "./tokens";

export interface BrandOverrides {
  colors?: Partial<ThemeColors>;
  logo?: Partial<ThemeLogo>;
  /** Tenant's product name: becomes the label and, unless a logo text is given, the logo text. */
  productName?: string;
}

/** Partial<> allows explicit `undefined`; dropping those keeps "not overridden" from erasing a value. */
function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/**
 * Layers a tenant's brand on a base theme and re-validates, so a white-label
 * editor can never produce tokens the renderer would reject. Never mutates `tokens`.
 */
export function applyBrandOverrides(tokens: ThemeTokens, overrides: BrandOverrides): ThemeTokens {
  const productName = overrides.productName?.trim();
  const logo: ThemeLogo = { ...tokens.logo, ...withoutUndefined(overrides.logo) };
  if (productName && overrides.logo?.text === undefined) logo.text = productName;
  return parseThemeTokens({
    ...tokens,
    label: productName || tokens.label,
    colors: { ...tokens.colors, ...withoutUndefined(overrides.colors) },
    typography: { ...tokens.typography },
    radius: { ...tokens.radius },
    logo,
  });
}
