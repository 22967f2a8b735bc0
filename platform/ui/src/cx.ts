/**
 * Joins class names, skipping falsy entries, so optional modifiers read inline.
 * Returns undefined rather than "" so React omits an empty class attribute.
 */
export function cx(...names: Array<string | false | null | undefined>): string | undefined {
  return names.filter(Boolean).join(" ") || undefined;
}
