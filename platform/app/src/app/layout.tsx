import "@omnify/ui/styles.css";
import "./app.css";
import { ThemeStyle } from "@omnify/ui";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getBranding } from "../server/branding";
import { faviconFor } from "../server/theme";
import { TRPCReactProvider } from "../trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const { theme, productName, faviconUrl } = await getBranding();
  return {
    title: { default: productName, template: `%s · ${productName}` },
    icons: { icon: faviconUrl ?? faviconFor(theme) },
    // Tenant portals are private workspaces; keep them out of search engines.
    robots: { index: false, follow: false },
  };
}

/**
 * The theme's CSS variables go into the server HTML itself, so the first paint is
 * already in the tenant's brand (no flash of the default theme).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { theme } = await getBranding();
  return (
    <html lang="en" data-theme={theme.id}>
      <head>
        <ThemeStyle theme={theme} />
      </head>
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
