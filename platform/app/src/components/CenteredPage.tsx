import { Brand } from "@omnify/ui";
import type { ReactNode } from "react";
import { getBranding } from "../server/branding";

/** Single-column page for sign-in, invitations and errors: brand on top, content below. */
export async function CenteredPage({ children }: { children: ReactNode }) {
  const { theme } = await getBranding();
  return (
    <div className="omnify-centered">
      <header className="omnify-centered__brand">
        <Brand logo={theme.logo} />
      </header>
      <main id="omni-main" className="omnify-centered__main">
        {children}
      </main>
    </div>
  );
}
