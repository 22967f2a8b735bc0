import type { ThemeLogo } from "@omnify/themes";
import type { ComponentType, ReactNode } from "react";
import { cx } from "../cx";
import { Brand } from "./Brand";

export interface NavItem {
  href: string;
  label: string;
  active?: boolean;
  /** Decorative icon before the label. */
  icon?: ReactNode;
  /** Trailing slot, e.g. a Badge with a count. */
  badge?: ReactNode;
}

/** Anything that renders an anchor: "a" by default, or next/link's Link. */
export type LinkComponent = ComponentType<{
  href: string;
  className?: string;
  "aria-current"?: "page";
  children?: ReactNode;
}>;

export interface AppShellProps {
  /** Usually `theme.logo` (after brand overrides). */
  brand: ThemeLogo;
  /** Link target of the brand; defaults to "/". */
  brandHref?: string;
  nav: readonly NavItem[];
  /** Accessible name of the sidebar navigation. */
  navLabel?: string;
  /** Header content: page title, search, user menu… */
  header?: ReactNode;
  /** Pinned to the bottom of the sidebar, e.g. the signed-in user. */
  sidebarFooter?: ReactNode;
  linkComponent?: LinkComponent;
  children: ReactNode;
  className?: string;
}

function Anchor(props: {
  href: string;
  className?: string;
  "aria-current"?: "page";
  children?: ReactNode;
}) {
  return <a {...props} />;
}

/** Page frame: sidebar with brand and nav, a header bar and the main content region. */
export function AppShell({
  brand,
  brandHref = "/",
  nav,
  navLabel = "Main",
  header,
  sidebarFooter,
  linkComponent: Link = Anchor,
  children,
  className,
}: AppShellProps) {
  return (
    <div className={cx("omni-appshell", className)}>
      <a className="omni-skip-link" href="#omni-main">
        Skip to content
      </a>
      <aside className="omni-appshell__sidebar">
        <Link href={brandHref} className="omni-appshell__brand">
          <Brand logo={brand} />
        </Link>
        <nav aria-label={navLabel}>
          <ul className="omni-nav">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className={cx("omni-nav__link", item.active && "omni-nav__link--active")}
                  aria-current={item.active ? "page" : undefined}
                >
                  {item.icon !== undefined && (
                    <span className="omni-nav__icon" aria-hidden="true">
                      {item.icon}
                    </span>
                  )}
                  <span className="omni-nav__label">{item.label}</span>
                  {item.badge}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {sidebarFooter !== undefined && (
          <div className="omni-appshell__sidebar-footer">{sidebarFooter}</div>
        )}
      </aside>
      <div className="omni-appshell__main">
        {header !== undefined && <header className="omni-appshell__header">{header}</header>}
        {/* tabIndex lets the skip link move focus here in every browser. */}
        <main id="omni-main" tabIndex={-1} className="omni-appshell__content">
          {children}
        </main>
      </div>
    </div>
  );
}
