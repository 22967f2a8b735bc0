import { passwordResetMail } from "@omnify/core/auth/password-reset/reset-mail";
import { type MailBrand, mailBrandFromTheme } from "@omnify/core/mail/layout";
import { invitationMail } from "@omnify/core/mail/templates/invitation";
import { applyBrandOverrides, type BrandOverrides, defaultThemeId, getTheme } from "@omnify/themes";
import type { Meta, StoryObj } from "@storybook/react-vite";

/**
 * Every transactional e-mail, rendered by the same layout the mailer sends, under the
 * theme chosen in the toolbar; the "…WithBrand" stories add an agency's brand overrides.
 */
type Template = "invitation" | "passwordReset";
type Args = { template: Template; brand?: BrandOverrides; supportEmail?: string };

/** A white-label example: product name, colours and a logo image. */
const ACME: BrandOverrides = {
  productName: "Acme Reach",
  colors: { primary: "#0b5cad", primaryForeground: "#ffffff" },
};
const ACME_LOGO =
  "data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' width='160' height='40'%3E%3Crect width='160' height='40' rx='6' fill='%230b5cad'/%3E%3Ctext x='80' y='26' font-family='sans-serif' font-size='18' fill='white' text-anchor='middle'%3EAcme Reach%3C/text%3E%3C/svg%3E";
const EXPIRES = new Date("2030-01-01T12:00:00Z");
const ORIGIN = "https://portal.acme.example";

function brandFor(themeId: string, args: Args): MailBrand {
  const tokens = applyBrandOverrides(getTheme(themeId), args.brand ?? {});
  const brand = mailBrandFromTheme(tokens, {
    origin: ORIGIN,
    supportEmail: args.supportEmail ?? null,
  });
  return args.brand ? { ...brand, logoUrl: ACME_LOGO } : brand;
}

function render(template: Template, brand: MailBrand) {
  const to = "new.person@example.com";
  return template === "invitation"
    ? invitationMail({
        to,
        brand,
        tenantName: "Client Co",
        agencyName: brand.productName,
        inviterName: "Ann <Admin>",
        role: "subaccount_member",
        acceptUrl: `${ORIGIN}/invite/abc123`,
        expiresAt: EXPIRES,
      })
    : passwordResetMail({
        to,
        brand,
        tenantName: "Client Co",
        resetUrl: `${ORIGIN}/reset-password/abc123`,
        expiresAt: EXPIRES,
      });
}

/**
 * Not sandboxed: the mail HTML has no scripts (the layout escapes every value), and a sandbox
 * makes Storybook's own frame hooks log blocked-script errors.
 */
function MailFrame({ args, themeId }: { args: Args; themeId: string }) {
  const mail = render(args.template, brandFor(themeId, args));
  return (
    <div className="omni-stack">
      <p>
        <strong>Subject:</strong> {mail.subject}
      </p>
      <iframe
        title="E-mail"
        srcDoc={mail.html}
        style={{ inlineSize: "100%", blockSize: "36rem", border: 0 }}
      />
      <details>
        <summary>Plain text</summary>
        <pre data-testid="mail-text">{mail.text}</pre>
      </details>
    </div>
  );
}

const meta = {
  title: "Emails/Transactional",
  args: { template: "invitation" },
  render: (args, { globals }) => (
    <MailFrame args={args} themeId={String(globals.theme ?? defaultThemeId)} />
  ),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Invitation: Story = { args: { template: "invitation" } };
export const InvitationWithBrand: Story = {
  args: { template: "invitation", brand: ACME, supportEmail: "help@acme.example" },
};
export const PasswordReset: Story = { args: { template: "passwordReset" } };
export const PasswordResetWithBrand: Story = {
  args: { template: "passwordReset", brand: ACME, supportEmail: "help@acme.example" },
};
