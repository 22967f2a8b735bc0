import { aurora } from "./aurora/theme";
import { ember } from "./ember/theme";
import { grove } from "./grove/theme";
import type { ThemeTokens } from "./tokens";

export * from "./brand";
export * from "./contrast";
export * from "./tokens";

/** Every shipped theme, keyed by id. Add new themes here (see README). */
export const themes = { aurora, ember, grove } as const satisfies Record<string, ThemeTokens>;

export type ThemeId = keyof typeof themes;

export const themeIds = Object.keys(themes) as ThemeId[];

export const defaultThemeId: ThemeId = "aurora";

export function isThemeId(id: string): id is ThemeId {
  return Object.hasOwn(themes, id);
}

/** Looks a theme up by id; unknown ids throw rather than silently falling back to the default. */
export function getTheme(id: string): ThemeTokens {
  if (!isThemeId(id)) {
    throw new Error(`Unknown theme id "${id}". Valid theme ids: ${themeIds.join(", ")}.`);
  }
  return themes[id];
}
