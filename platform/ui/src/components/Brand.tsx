import type { ThemeLogo } from "@omnify/themes";

/** SVG goes in as an <img> data URI, never as markup, so tenant-supplied SVG cannot run script. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export interface BrandProps {
  logo: ThemeLogo;
}

/**
 * An uploaded logo image (it carries the name, so the text becomes its alt), else the logo
 * mark (if any) plus the product name; the text doubles as the accessible name.
 */
export function Brand({ logo }: BrandProps) {
  if (logo.imageUrl) {
    return (
      <span className="omni-brand">
        <img className="omni-brand__image" src={logo.imageUrl} alt={logo.text} />
      </span>
    );
  }
  return (
    <span className="omni-brand">
      {logo.svg && <img className="omni-brand__mark" src={svgDataUri(logo.svg)} alt="" />}
      <span className="omni-brand__text">{logo.text}</span>
    </span>
  );
}
