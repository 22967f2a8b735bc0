import { type ThemeTokens, themeToCss } from "@omnify/themes";

export interface ThemeStyleProps {
  theme: ThemeTokens;
  /** Defaults to `:root`; use e.g. `[data-theme="ember"]` to scope a preview. */
  selector?: string;
}

/**
 * Emits the theme's CSS variables in a <style> tag. Server-safe: render it in a
 * layout so the first paint is already branded. React 19 escapes `</style` in the
 * text, and the token schema bans `; { } < >` in font stacks, so tenant-edited
 * tokens can neither close the tag nor inject extra rules.
 */
export function ThemeStyle({ theme, selector }: ThemeStyleProps) {
  return <style data-omni-theme={theme.id}>{themeToCss(theme, selector)}</style>;
}
