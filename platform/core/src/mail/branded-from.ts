/**
 * Keeps the configured sender address but shows the tenant's name, so a white-label agency's
 * clients see the agency, not the platform. Quotes and line breaks are stripped from the
 * name because they would let it rewrite the header.
 */
export function brandedFrom(mailFrom: string, displayName: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const name = displayName.replace(/["\\\r\n<>]/g, "").trim();
  return name ? `"${name}" <${address}>` : `<${address}>`;
}
