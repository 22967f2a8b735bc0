"use client";

import { mailBrandFromTheme } from "@omnify/core/mail/layout";
import { invitationMail } from "@omnify/core/mail/templates/invitation";
import { type ThemeTokens, themeToCssVariables } from "@omnify/themes";
import { Brand, Button, Card, Field, Input } from "@omnify/ui";
import type { CSSProperties } from "react";

type Props = { tokens: ThemeTokens; supportEmail: string; origin: string; workspaceName: string };

const SAMPLE_EXPIRY = new Date("2030-01-01T12:00:00Z");

/**
 * The draft brand before it is saved: the portal shell, the sign-in card and an invitation
 * e-mail, each painted with the draft's CSS variables (scoped to this box) or mail layout.
 */
export function BrandPreview({ tokens, supportEmail, origin, workspaceName }: Props) {
  const scope = themeToCssVariables(tokens) as CSSProperties;
  const mail = invitationMail({
    to: "new.person@example.com",
    brand: mailBrandFromTheme(tokens, {
      origin,
      supportEmail: supportEmail.trim() || null,
    }),
    tenantName: workspaceName,
    agencyName: workspaceName,
    inviterName: "You",
    role: "agency_member",
    acceptUrl: `${origin}/invite/preview`,
    expiresAt: SAMPLE_EXPIRY,
  });
  return (
    <div className="omnify-brand-preview" style={scope} data-testid="brand-preview">
      <section aria-label="Portal preview" className="omnify-brand-preview__shell">
        <aside className="omnify-brand-preview__sidebar">
          <Brand logo={tokens.logo} />
          <span className="omnify-brand-preview__nav omnify-brand-preview__nav--active">
            Dashboard
          </span>
          <span className="omnify-brand-preview__nav">Members</span>
        </aside>
        <div className="omnify-brand-preview__main">
          <p>
            Body text on the page, with <a href="#preview">a sample link in the primary colour</a>.
          </p>
          <Card headingLevel={3} title="A card">
            <p className="omnify-muted">Secondary text on a card.</p>
            <Button type="button">Primary action</Button>
          </Card>
        </div>
      </section>
      <section aria-label="Sign-in preview" className="omnify-brand-preview__signin">
        <Brand logo={tokens.logo} />
        <Card headingLevel={3} title="Sign in" description={`to ${workspaceName}`}>
          <div className="omnify-stack">
            <Field id="preview-email" label="E-mail">
              <Input type="email" readOnly value="you@example.com" />
            </Field>
            <Button type="button">Sign in</Button>
          </div>
        </Card>
      </section>
      <section aria-label="E-mail preview">
        <iframe
          title="E-mail preview"
          className="omnify-brand-preview__mail"
          sandbox="allow-same-origin"
          srcDoc={mail.html}
        />
      </section>
    </div>
  );
}
