import { describe, expect, it } from "vitest";
import { requestPasswordReset } from "../../src/auth/password-reset/request-password-reset";
import { updateBrand } from "../../src/branding/update-brand";
import { chooseSender } from "../../src/mail/sender-identity";
import { inviteMember } from "../../src/members/invite-member";
import { capturingMailer, setupWorld, tenantAt } from "../helpers";
import { testConfig } from "../seed";
import { png } from "./images";

const s = setupWorld();

describe("chooseSender", () => {
  const base = {
    productName: "Northwind Studio",
    mailFrom: "Omnify <no-reply@omnify.test>",
    verifiedDomain: "mail.northwind.test",
    supportEmail: "help@northwind.test",
  };
  it("uses the agency's verified domain only with the whiteLabelMail feature", () => {
    expect(chooseSender({ ...base, whiteLabelMail: true })).toEqual({
      from: '"Northwind Studio" <no-reply@mail.northwind.test>',
      replyTo: "help@northwind.test",
    });
    expect(chooseSender({ ...base, whiteLabelMail: false }).from).toBe(
      '"Northwind Studio" <no-reply@omnify.test>',
    );
    expect(chooseSender({ ...base, whiteLabelMail: true, verifiedDomain: null }).from).toBe(
      '"Northwind Studio" <no-reply@omnify.test>',
    );
  });
  it("sets no Reply-To without a support address, and keeps the name from breaking the header", () => {
    const sender = chooseSender({
      ...base,
      productName: 'Evil"\r\nBcc: x',
      supportEmail: null,
      whiteLabelMail: false,
    });
    expect(sender).toEqual({ from: '"EvilBcc: x" <no-reply@omnify.test>' });
  });
});

describe("branded transactional e-mail", () => {
  const inviteFrom = async (host: string) => {
    const tenant = await tenantAt(s.t.app, host);
    const mailer = capturingMailer();
    await inviteMember(s.t.app, {
      tenant,
      actor: { userId: s.w.users.owner.id, role: "agency_owner" },
      email: `${crypto.randomUUID()}@people.test`,
      role: tenant.kind === "agency" ? "agency_member" : "subaccount_member",
      mailer,
      config: testConfig,
    });
    const mail = mailer.sent[0];
    if (!mail) throw new Error("no mail sent");
    return mail;
  };

  it("carries the agency's logo, colours, product name and support footer, on every host", async () => {
    const saved = await s.t.app.withTenant(
      s.alpha.id,
      (tx) =>
        updateBrand(tx, s.t.app, {
          tenant: s.alpha,
          actorUserId: s.w.users.owner.id,
          data: {
            productName: "Northwind Studio",
            supportEmail: "help@northwind.test",
            colors: { primary: "#0b5cad" },
            logo: { upload: png(160, 48) },
            favicon: { keep: true },
          },
        }),
      { userId: s.w.users.owner.id },
    );
    for (const host of ["alpha.omnify.test", "client.alpha.omnify.test"]) {
      const mail = await inviteFrom(host);
      expect(mail.from).toBe('"Northwind Studio" <no-reply@omnify.test>');
      expect(mail.replyTo).toBe("help@northwind.test");
      expect(mail.html).toContain(`src="https://${host}/brand-assets/${saved.logoAsset}"`);
      expect(mail.html).toContain('alt="Northwind Studio"');
      expect(mail.html).toContain("background:#0b5cad");
      expect(mail.html).toContain('href="mailto:help@northwind.test"');
      expect(mail.text).toContain("Questions? Write to help@northwind.test.");
    }
  });

  it("brands the password-reset e-mail the same way", async () => {
    const mailer = capturingMailer();
    await requestPasswordReset(s.t.app, {
      tenant: await tenantAt(s.t.app, "client.alpha.omnify.test"),
      email: s.w.users.clientUser.email,
      mailer,
      config: testConfig,
    });
    const mail = mailer.sent[0];
    expect(mail?.from).toBe('"Northwind Studio" <no-reply@omnify.test>');
    expect(mail?.replyTo).toBe("help@northwind.test");
    expect(mail?.html).toContain('alt="Northwind Studio"');
    expect(mail?.text).toContain(
      "Choose a new password: https://client.alpha.omnify.test/reset-password/",
    );
  });

  it("sends from no-reply@<verified domain> once the plan has whiteLabelMail", async () => {
    await s.t.admin`insert into feature_overrides (tenant_id, key, value)
      values (${s.alpha.id}, 'whiteLabelMail', 'true'::jsonb)`;
    const mail = await inviteFrom("client.alpha.omnify.test");
    expect(mail.from).toBe('"Northwind Studio" <no-reply@alpha-agency.co.uk>');
    // Beta has no verified domain: platform address, its own name.
    const beta = await inviteFrom("beta.omnify.test");
    expect(beta.from).toBe('"Beta Agency" <no-reply@omnify.test>');
    expect(beta.replyTo).toBeUndefined();
  });
});
