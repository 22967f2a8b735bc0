import type { ThemeTokens } from "@omnify/themes";
import { escapeHtml as h } from "./escape-html";

/**
 * The look of one tenant's e-mail: taken from its theme after brand overrides, with an
 * absolute logo URL (mail clients have no origin to resolve a path against).
 */
export type MailBrand = {
  productName: string;
  logoUrl: string | null;
  supportEmail: string | null;
  fontFamily: string;
  colors: Pick<
    ThemeTokens["colors"],
    | "primary"
    | "primaryForeground"
    | "background"
    | "foreground"
    | "surface"
    | "surfaceForeground"
    | "mutedForeground"
    | "border"
  >;
};

/** Inline text: plain (escaped), bold, or a link. */
export type MailInline = string | { strong: string } | { link: string; url: string };

/** The building blocks every e-mail is made of; each renders to HTML and plain text. */
export type MailBlock =
  | { kind: "paragraph"; text: MailInline[] }
  | { kind: "button"; label: string; url: string }
  | { kind: "table"; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { kind: "note"; text: string };

export type MailContent = {
  subject: string;
  /** Shown by mail clients beside the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  blocks: MailBlock[];
};

export type RenderedMail = { subject: string; html: string; text: string };

/** Header values must stay on one line, or a name could add headers. */
export const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/** The brand of a tenant's mail, from its (overridden) theme tokens. */
export function mailBrandFromTheme(
  tokens: ThemeTokens,
  opts: { origin: string; supportEmail: string | null },
): MailBrand {
  const src = tokens.logo.imageUrl;
  const { colors } = tokens;
  return {
    productName: tokens.label,
    logoUrl: src ? (src.startsWith("/") ? `${opts.origin}${src}` : src) : null,
    supportEmail: opts.supportEmail,
    fontFamily: tokens.typography.fontFamily,
    colors: {
      primary: colors.primary,
      primaryForeground: colors.primaryForeground,
      background: colors.background,
      foreground: colors.foreground,
      surface: colors.surface,
      surfaceForeground: colors.surfaceForeground,
      mutedForeground: colors.mutedForeground,
      border: colors.border,
    },
  };
}

function inlineHtml(parts: MailInline[], brand: MailBrand): string {
  return parts
    .map((p) => {
      if (typeof p === "string") return h(p);
      if ("strong" in p) return `<strong>${h(p.strong)}</strong>`;
      return `<a href="${h(p.url)}" style="color:${h(brand.colors.primary)}">${h(p.link)}</a>`;
    })
    .join("");
}

function inlineText(parts: MailInline[]): string {
  return parts
    .map((p) => (typeof p === "string" ? p : "strong" in p ? p.strong : `${p.link} (${p.url})`))
    .join("");
}

function blockHtml(block: MailBlock, brand: MailBrand): string {
  const c = brand.colors;
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${inlineHtml(block.text, brand)}</p>`;
    case "button":
      return `<p style="margin:24px 0"><a href="${h(block.url)}" style="display:inline-block;background:${h(c.primary)};color:${h(c.primaryForeground)};text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px">${h(block.label)}</a></p>`;
    case "table":
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;margin:0 0 16px">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:6px 0;border-bottom:1px solid ${h(c.border)};color:${h(c.mutedForeground)}">${h(label)}</td><td style="padding:6px 0;border-bottom:1px solid ${h(c.border)};text-align:right">${h(value)}</td></tr>`,
        )
        .join("")}</table>`;
    case "note":
      return `<p style="margin:0 0 16px;font-size:13px;color:${h(c.mutedForeground)}">${h(block.text)}</p>`;
  }
}

function blockText(block: MailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return inlineText(block.text);
    case "button":
      return `${block.label}: ${block.url}`;
    case "table":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "note":
      return block.text;
  }
}

function footerText(brand: MailBrand): string {
  const name = oneLine(brand.productName);
  return brand.supportEmail
    ? `Sent by ${name}. Questions? Write to ${brand.supportEmail}.`
    : `Sent by ${name}.`;
}

/**
 * Renders any transactional e-mail in the tenant's brand: logo (or product name), colours,
 * the content blocks, and a footer with the support address. Every string is escaped, and
 * the plain-text alternative is built from the same blocks. See docs/CONTRACTS.md.
 */
export function renderBrandedMail(brand: MailBrand, content: MailContent): RenderedMail {
  const c = brand.colors;
  const name = oneLine(brand.productName);
  const logo = brand.logoUrl
    ? `<img src="${h(brand.logoUrl)}" alt="${h(name)}" style="max-height:48px;max-width:240px;border:0">`
    : `<span style="font-size:20px;font-weight:700;color:${h(c.foreground)}">${h(name)}</span>`;
  const support = brand.supportEmail
    ? ` Questions? Write to <a href="mailto:${h(brand.supportEmail)}" style="color:${h(c.primary)}">${h(brand.supportEmail)}</a>.`
    : "";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${h(oneLine(content.subject))}</title></head>
<body style="margin:0;padding:0;background:${h(c.background)};font-family:${h(brand.fontFamily)};line-height:1.5;color:${h(c.foreground)}">
${content.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${h(content.preheader)}</div>` : ""}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${h(c.background)}"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px">
<tr><td data-omnify-mail="brand" style="padding:0 0 24px">${logo}</td></tr>
<tr><td style="background:${h(c.surface)};color:${h(c.surfaceForeground)};border:1px solid ${h(c.border)};border-radius:8px;padding:32px">
<h1 style="margin:0 0 16px;font-size:22px">${h(content.heading)}</h1>
${content.blocks.map((b) => blockHtml(b, brand)).join("\n")}
</td></tr>
<tr><td data-omnify-mail="footer" style="padding:24px 0 0;font-size:12px;color:${h(c.mutedForeground)}">Sent by ${h(name)}.${support}</td></tr>
</table></td></tr></table>
</body></html>`;
  const text = [
    name,
    "",
    content.heading,
    "",
    ...content.blocks.flatMap((b) => [blockText(b), ""]),
    "--",
    footerText(brand),
  ].join("\n");
  return { subject: oneLine(content.subject), html, text };
}
