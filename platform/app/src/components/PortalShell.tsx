import { isAdminRole } from "@omnify/core/auth/roles";
import { buildOrigin } from "@omnify/core/tenancy/build-origin";
import { AppShell, Avatar, Badge, type NavItem } from "@omnify/ui";
import Link from "next/link";
import type { ReactNode } from "react";
import { roleLabel } from "../lib/roles";
import type { CurrentUser } from "../server/auth";
import { getBranding } from "../server/branding";
import { getDeps } from "../server/deps";
import { ReadOnlyBanner } from "./ReadOnlyBanner";
import { SignOutButton } from "./SignOutButton";

export type PortalPage =
  | "dashboard"
  | "members"
  | "plugins"
  | "plugin"
  | "api-keys"
  | "devices"
  | "security"
  | "roles"
  | "audit"
  | "domains"
  | "export"
  | "billing"
  | "rebilling"
  | "branding"
  | "usage";

type Props = {
  current: CurrentUser;
  active: PortalPage;
  title: string;
  /** Extra nav entries (plugins will contribute theirs here). */
  extraNav?: readonly NavItem[];
  children: ReactNode;
};

/** A sub-account lives at `<sub>.<agency host>`, so the agency is one label up. */
function agencyOrigin(current: CurrentUser): string | null {
  const { tenant } = current;
  if (tenant.kind !== "subaccount") return null;
  const parent = tenant.host.slice(tenant.host.indexOf(".") + 1);
  return buildOrigin(parent, getDeps().env.core);
}

/** The signed-in frame of every portal page: brand, nav, user menu. */
export async function PortalShell({ current, active, title, extraNav = [], children }: Props) {
  const { theme } = await getBranding();
  const nav: NavItem[] = [
    { href: "/", label: "Dashboard", active: active === "dashboard" },
    { href: "/members", label: "Members", active: active === "members" },
    { href: "/plugins", label: "Plugins", active: active === "plugins" },
    { href: "/account/security", label: "Security", active: active === "security" },
    // Admin-only pages; their procedures refuse everyone else anyway.
    ...(isAdminRole(current.role)
      ? [
          { href: "/settings/api-keys", label: "API keys", active: active === "api-keys" },
          { href: "/settings/devices", label: "Screens", active: active === "devices" },
          current.tenant.kind === "agency"
            ? { href: "/settings/domains", label: "Domains", active: active === "domains" }
            : { href: "/settings/export", label: "Export", active: active === "export" },
          ...(current.tenant.kind === "agency"
            ? [
                { href: "/settings/billing", label: "Billing", active: active === "billing" },
                {
                  href: "/settings/rebilling",
                  label: "Client plans",
                  active: active === "rebilling",
                },
                { href: "/settings/branding", label: "Branding", active: active === "branding" },
              ]
            : []),
          { href: "/settings/usage", label: "Usage", active: active === "usage" },
          ...(current.tenant.kind === "subaccount"
            ? [{ href: "/settings/rebilling", label: "Invoices", active: active === "rebilling" }]
            : []),
          { href: "/settings/roles", label: "Roles", active: active === "roles" },
          { href: "/audit", label: "Audit log", active: active === "audit" },
        ]
      : []),
    ...extraNav,
  ];
  const back = agencyOrigin(current);
  return (
    <AppShell
      brand={theme.logo}
      nav={nav}
      navLabel="Portal"
      linkComponent={Link}
      header={
        <>
          <h1 className="omnify-page-title">{title}</h1>
          <div className="omnify-user-menu" data-testid="user-menu">
            <Avatar name={current.user.name} size="sm" />
            <span>{current.user.name}</span>
            <Badge>{roleLabel(current.role)}</Badge>
            <SignOutButton />
          </div>
        </>
      }
      sidebarFooter={
        <div className="omnify-stack">
          <p className="omnify-muted">{current.tenant.name}</p>
          {back && <a href={back}>← Back to {current.tenant.agency.name}</a>}
        </div>
      }
    >
      <ReadOnlyBanner current={current} />
      {children}
    </AppShell>
  );
}
